using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Polymarket.Wire;

namespace Prescient.Polymarket.Gamma;

/// <summary>
/// Maps a Gamma market object (nested in an event, or bare from <c>/markets</c>) to a
/// <see cref="Market"/>. A market needs an id, a condition id, a question and a parent event id;
/// everything else is optional and read tolerantly (see POLYMARKET-API.md 6.5).
/// </summary>
public static class GammaMarketParser
{
    private static readonly WireKeys<Key> Keys = new();

    /// <summary>
    /// Maps <paramref name="market"/>. The parent event id is the first entry of the market's own
    /// <c>events[]</c> when Gamma includes it (bare <c>/markets</c> objects), otherwise
    /// <paramref name="eventId"/>.
    /// </summary>
    public static ParseResult<Market> Parse(JsonElement market, EventId? eventId = null)
    {
        if (market.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Failure<Market>("the market is not a JSON object");
        }

        var f = Keys.Read(market);
        var id = WireReader.Text(f[Key.Id]);
        if (id is null)
        {
            return ParseResult.Failure<Market>("market without an id");
        }

        var conditionId = WireReader.Text(f[Key.ConditionId]);
        if (conditionId is null)
        {
            return ParseResult.Failure<Market>($"market {id} has no conditionId");
        }

        var question = WireReader.Text(f[Key.Question]);
        if (question is null)
        {
            return ParseResult.Failure<Market>($"market {id} has no question");
        }

        var parentId = NestedEventId(f[Key.Events]) ?? eventId;
        if (parentId is null)
        {
            return ParseResult.Failure<Market>($"market {id} has no parent event id");
        }

        return ParseResult.Success(new Market
        {
            Id = MarketId.Create(id),
            EventId = parentId.Value,
            ConditionId = ConditionId.Create(conditionId),
            Question = question,
            Slug = WireReader.Text(f[Key.Slug]),
            GroupItemTitle = WireReader.Text(f[Key.GroupItemTitle]),
            Outcomes = Outcomes(f),
            BestBid = WireReader.Decimal(f[Key.BestBid]),
            BestAsk = WireReader.Decimal(f[Key.BestAsk]),
            Spread = WireReader.Decimal(f[Key.Spread]),
            LastTradePrice = WireReader.Decimal(f[Key.LastTradePrice]),
            Liquidity = WireReader.Decimal(f[Key.LiquidityNum]) ?? WireReader.Decimal(f[Key.Liquidity]),
            Volume = WireReader.Decimal(f[Key.VolumeNum]) ?? WireReader.Decimal(f[Key.Volume]),
            Volume24h = WireReader.Decimal(f[Key.Volume24hr]),
            EndDate = WireReader.Date(f[Key.EndDate]) ?? WireReader.Date(f[Key.EndDateIso]),
            ClosedTime = WireReader.Date(f[Key.ClosedTime]),
            Active = WireReader.Bool(f[Key.Active]) ?? false,
            Closed = WireReader.Bool(f[Key.Closed]) ?? false,
            Archived = WireReader.Bool(f[Key.Archived]) ?? false,
            AcceptingOrders = WireReader.Bool(f[Key.AcceptingOrders]) ?? false,
            EnableOrderBook = WireReader.Bool(f[Key.EnableOrderBook]) ?? false,
            NegRisk = WireReader.Bool(f[Key.NegRisk]) ?? false,
            NegRiskMarketId = WireReader.Text(f[Key.NegRiskMarketID]),
            TickSize = WireReader.Decimal(f[Key.OrderPriceMinTickSize]),
            MinOrderSize = WireReader.Decimal(f[Key.OrderMinSize]),
            Fees = Fees(f),
            UmaResolutionStatus = WireReader.Text(f[Key.UmaResolutionStatus]),
        });
    }

    private static EventId? NestedEventId(JsonElement events) =>
        events.ValueKind == JsonValueKind.Array
        && events.GetArrayLength() > 0
        && WireReader.Text(events[0], "id") is { } id
            ? EventId.Create(id)
            : null;

    /// <summary>
    /// Outcome i pays on <c>outcomes[i]</c>, trades as <c>clobTokenIds[i]</c> and shows
    /// <c>outcomePrices[i]</c>. A missing token or a price outside [0, 1] is left null rather than guessed.
    /// </summary>
    private static Outcome[] Outcomes(WireFields<Key> f)
    {
        var names = WireReader.TextArray(f[Key.Outcomes]);
        if (names is null)
        {
            return [];
        }

        var tokens = WireReader.TextArray(f[Key.ClobTokenIds]);
        var prices = WireReader.DecimalArray(f[Key.OutcomePrices]);
        var outcomes = new Outcome[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var token = tokens is not null && i < tokens.Count && tokens[i] is { } text ? TokenId.Create(text) : (TokenId?)null;
            var price = prices is not null && i < prices.Count ? prices[i] : null;
            outcomes[i] = new Outcome(names[i] ?? string.Empty, token, price is >= 0m and <= 1m ? price : null);
        }

        return outcomes;
    }

    private static FeeSettings Fees(WireFields<Key> f)
    {
        var schedule = f[Key.FeeSchedule] is { ValueKind: JsonValueKind.Object } value ? value : (JsonElement?)null;
        var fees = new FeeSettings
        {
            Enabled = WireReader.Bool(f[Key.FeesEnabled]) ?? false,
            Type = WireReader.Text(f[Key.FeeType]),
            Rate = schedule is { } rate ? WireReader.Decimal(rate, "rate") : null,
            Exponent = schedule is { } exponent ? WireReader.Decimal(exponent, "exponent") : null,
            RebateRate = schedule is { } rebate ? WireReader.Decimal(rebate, "rebateRate") : null,
            TakerOnly = schedule is { } taker ? WireReader.Bool(taker, "takerOnly") : null,
            MakerBaseFee = WireReader.Decimal(f[Key.MakerBaseFee]),
            TakerBaseFee = WireReader.Decimal(f[Key.TakerBaseFee]),
        };
        return fees == FeeSettings.None ? FeeSettings.None : fees;
    }

    /// <summary>The keys read from a market object (see <see cref="WireKeys{TKey}"/>).</summary>
    private enum Key
    {
        Id,
        ConditionId,
        Question,
        Events,
        Slug,
        GroupItemTitle,
        Outcomes,
        ClobTokenIds,
        OutcomePrices,
        BestBid,
        BestAsk,
        Spread,
        LastTradePrice,
        LiquidityNum,
        Liquidity,
        VolumeNum,
        Volume,
        Volume24hr,
        EndDate,
        EndDateIso,
        ClosedTime,
        Active,
        Closed,
        Archived,
        AcceptingOrders,
        EnableOrderBook,
        NegRisk,
        NegRiskMarketID,
        OrderPriceMinTickSize,
        OrderMinSize,
        FeeSchedule,
        FeesEnabled,
        FeeType,
        MakerBaseFee,
        TakerBaseFee,
        UmaResolutionStatus,
    }
}
