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

        var id = WireReader.Text(market, "id");
        if (id is null)
        {
            return ParseResult.Failure<Market>("market without an id");
        }

        var conditionId = WireReader.Text(market, "conditionId");
        if (conditionId is null)
        {
            return ParseResult.Failure<Market>($"market {id} has no conditionId");
        }

        var question = WireReader.Text(market, "question");
        if (question is null)
        {
            return ParseResult.Failure<Market>($"market {id} has no question");
        }

        var parentId = NestedEventId(market) ?? eventId;
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
            Slug = WireReader.Text(market, "slug"),
            GroupItemTitle = WireReader.Text(market, "groupItemTitle"),
            Outcomes = Outcomes(market),
            BestBid = WireReader.Decimal(market, "bestBid"),
            BestAsk = WireReader.Decimal(market, "bestAsk"),
            Spread = WireReader.Decimal(market, "spread"),
            LastTradePrice = WireReader.Decimal(market, "lastTradePrice"),
            Liquidity = WireReader.Decimal(market, "liquidityNum") ?? WireReader.Decimal(market, "liquidity"),
            Volume = WireReader.Decimal(market, "volumeNum") ?? WireReader.Decimal(market, "volume"),
            Volume24h = WireReader.Decimal(market, "volume24hr"),
            EndDate = WireReader.Date(market, "endDate") ?? WireReader.Date(market, "endDateIso"),
            ClosedTime = WireReader.Date(market, "closedTime"),
            Active = WireReader.Bool(market, "active") ?? false,
            Closed = WireReader.Bool(market, "closed") ?? false,
            Archived = WireReader.Bool(market, "archived") ?? false,
            AcceptingOrders = WireReader.Bool(market, "acceptingOrders") ?? false,
            EnableOrderBook = WireReader.Bool(market, "enableOrderBook") ?? false,
            NegRisk = WireReader.Bool(market, "negRisk") ?? false,
            NegRiskMarketId = WireReader.Text(market, "negRiskMarketID"),
            TickSize = WireReader.Decimal(market, "orderPriceMinTickSize"),
            MinOrderSize = WireReader.Decimal(market, "orderMinSize"),
            Fees = Fees(market),
            UmaResolutionStatus = WireReader.Text(market, "umaResolutionStatus"),
        });
    }

    private static EventId? NestedEventId(JsonElement market) =>
        WireReader.Property(market, "events") is { ValueKind: JsonValueKind.Array } events
        && events.GetArrayLength() > 0
        && WireReader.Text(events[0], "id") is { } id
            ? EventId.Create(id)
            : null;

    /// <summary>
    /// Outcome i pays on <c>outcomes[i]</c>, trades as <c>clobTokenIds[i]</c> and shows
    /// <c>outcomePrices[i]</c>. A missing token or a price outside [0, 1] is left null rather than guessed.
    /// </summary>
    private static Outcome[] Outcomes(JsonElement market)
    {
        var names = WireReader.TextArray(market, "outcomes");
        if (names is null)
        {
            return [];
        }

        var tokens = WireReader.TextArray(market, "clobTokenIds");
        var prices = WireReader.Array(market, "outcomePrices");
        var outcomes = new Outcome[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var token = tokens is not null && i < tokens.Count && tokens[i] is { } text ? TokenId.Create(text) : (TokenId?)null;
            var price = prices is not null && i < prices.Count ? WireReader.Decimal(prices[i]) : null;
            outcomes[i] = new Outcome(names[i] ?? string.Empty, token, price is >= 0m and <= 1m ? price : null);
        }

        return outcomes;
    }

    private static FeeSettings Fees(JsonElement market)
    {
        var schedule = WireReader.Object(market, "feeSchedule");
        var fees = new FeeSettings
        {
            Enabled = WireReader.Bool(market, "feesEnabled") ?? false,
            Type = WireReader.Text(market, "feeType"),
            Rate = schedule is { } rate ? WireReader.Decimal(rate, "rate") : null,
            Exponent = schedule is { } exponent ? WireReader.Decimal(exponent, "exponent") : null,
            RebateRate = schedule is { } rebate ? WireReader.Decimal(rebate, "rebateRate") : null,
            TakerOnly = schedule is { } taker ? WireReader.Bool(taker, "takerOnly") : null,
            MakerBaseFee = WireReader.Decimal(market, "makerBaseFee"),
            TakerBaseFee = WireReader.Decimal(market, "takerBaseFee"),
        };
        return fees == FeeSettings.None ? FeeSettings.None : fees;
    }
}
