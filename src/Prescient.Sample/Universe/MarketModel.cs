namespace Prescient.Sample.Universe;

/// <summary>The time-dependent side of the universe: prices, quotes, volumes and resolution.</summary>
internal static class MarketModel
{
    /// <summary>The raw YES probability of every market of the event; neg-risk legs are a softmax, so they sum to 1.</summary>
    public static double[] Probabilities(EventBlueprint e, long ticks)
    {
        var markets = e.Markets;
        var p = new double[markets.Length];
        if (e.Kind != EventKind.NegRisk)
        {
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = PriceCurve.Sigmoid(markets[i].Curve.Logit(ticks));
            }

            return p;
        }

        var max = double.MinValue;
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = markets[i].Curve.Logit(ticks);
            max = Math.Max(max, p[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = Math.Exp(p[i] - max);
            sum += p[i];
        }

        for (var i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>
    /// Top of book around a probability: bid on the tick grid below, ask <c>SpreadTicks</c> above,
    /// both within [3·tick, 1 − 3·tick] so that each side has room for at least 3 levels.
    /// </summary>
    public static (decimal Bid, decimal Ask, decimal Last) Quote(MarketBlueprint m, double probability)
    {
        var tick = m.TickSize;
        var low = 3 * tick;
        var p = Math.Clamp((decimal)probability, tick, 1 - tick);
        var width = m.SpreadTicks * tick;
        var bid = Math.Max(low, Math.Floor((p - (width / 2)) / tick) * tick);
        var ask = bid + width;
        if (ask > 1 - low)
        {
            ask = 1 - low;
            bid = Math.Max(low, ask - width);
        }

        var last = Math.Clamp(Math.Round(p / tick, MidpointRounding.AwayFromZero) * tick, bid, ask);
        return (bid, ask, last);
    }

    /// <summary>Gamma's displayed YES price at an instant (the payout once the market has resolved; the closing price while its resolution is pending).</summary>
    public static decimal DisplayPrice(MarketBlueprint m, double probability, long ticks)
    {
        if (ticks >= m.EndTicks && ticks >= m.ResolvedTicks)
        {
            return Payout(m.Resolution);
        }

        var (bid, ask, last) = Quote(m, probability);
        return m.Sides == BookSides.Both ? (bid + ask) / 2 : last;
    }

    public static decimal Payout(Resolution resolution) => resolution switch
    {
        Resolution.YesWins => 1m,
        Resolution.NoWins => 0m,
        _ => 0.5m,
    };

    /// <summary>How far back the price changes look: now, 1 hour, 1 day, 1 week, 30 days (ticks).</summary>
    public static readonly long[] Lookbacks = [0, TimeSpan.TicksPerHour, TimeSpan.TicksPerDay, 7 * TimeSpan.TicksPerDay, 30 * TimeSpan.TicksPerDay];

    /// <summary>The event's probabilities now and at each <see cref="Lookbacks"/> (never before the event start).</summary>
    public static double[][] History(EventBlueprint e, long ticks)
    {
        var history = new double[Lookbacks.Length][];
        for (var k = 0; k < Lookbacks.Length; k++)
        {
            history[k] = Probabilities(e, Math.Max(e.StartTicks, Math.Min(ticks, e.EndTicks) - Lookbacks[k]));
        }

        return history;
    }

    /// <summary>One market at <paramref name="ticks"/>, from the event's <see cref="History"/>.</summary>
    public static MarketState State(EventBlueprint e, int index, long ticks, double[][] history)
    {
        var m = e.Markets[index];
        var closed = ticks >= m.EndTicks;
        var resolved = closed && ticks >= m.ResolvedTicks;
        var (bid, ask, last) = Quote(m, history[0][index]);
        var display = DisplayPrice(m, history[0][index], ticks);
        var at = Math.Min(ticks, m.EndTicks);
        return new MarketState
        {
            Closed = closed,
            AcceptingOrders = !closed && e.Tradeable,
            HasBook = !closed && e.EnableOrderBook && m.Sides != BookSides.None,
            BestBid = bid,
            BestAsk = ask,
            LastTradePrice = last,
            DisplayPrice = display,
            Resolved = resolved,
            YesPayout = resolved ? Payout(m.Resolution) : null,
            Liquidity = closed ? 0m : Money(m.LiquidityBase * (0.875 + (0.125 * Math.Sin((at / (double)TimeSpan.TicksPerDay) + m.Id)))),
            Volume = Money(VolumeAt(m, at)),
            Volume24h = Money(VolumeAt(m, at) - VolumeAt(m, at - TimeSpan.TicksPerDay)),
            Volume1wk = Money(VolumeAt(m, at) - VolumeAt(m, at - (7 * TimeSpan.TicksPerDay))),
            Volume1mo = Money(VolumeAt(m, at) - VolumeAt(m, at - (30 * TimeSpan.TicksPerDay))),
            Volume1yr = Money(VolumeAt(m, at) - VolumeAt(m, at - (365 * TimeSpan.TicksPerDay))),
            OneHourPriceChange = Change(m, ticks, display, history, 1),
            OneDayPriceChange = Change(m, ticks, display, history, 2),
            OneWeekPriceChange = Change(m, ticks, display, history, 3),
            OneMonthPriceChange = Change(m, ticks, display, history, 4),
        };
    }

    /// <summary>Cumulative volume, USDC: 10% at listing, then growing as τ^0.7 to the total at the end.</summary>
    private static double VolumeAt(MarketBlueprint m, long ticks)
    {
        if (ticks < m.StartTicks)
        {
            return 0;
        }

        var tau = Math.Clamp((double)(ticks - m.StartTicks) / Math.Max(1, m.EndTicks - m.StartTicks), 0, 1);
        return m.VolumeTotal * (0.1 + (0.9 * Math.Pow(tau, 0.7)));
    }

    private static decimal Change(MarketBlueprint m, long ticks, decimal display, double[][] history, int lookback)
    {
        var then = Math.Max(m.StartTicks, ticks - Lookbacks[lookback]);
        return display - DisplayPrice(m, history[lookback][m.Index], then);
    }

    /// <summary>USDC rounded to 6 decimals (Polymarket's precision), trailing zeros removed.</summary>
    public static decimal Money(double value) => Normalize(Math.Round((decimal)Math.Max(0, value), 6));

    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
