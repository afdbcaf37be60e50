using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Wire;

namespace Prescient.Polymarket.Clob;

/// <summary>Maps a CLOB market object (<c>/markets/{condition_id}</c>, or one entry of <c>/markets</c>) to <see cref="ClobMarketInfo"/>.</summary>
public static class ClobMarketParser
{
    public static ParseResult<ClobMarketInfo> Parse(JsonObject market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var conditionId = WireReader.Text(market, "condition_id");
        if (conditionId is null)
        {
            return ParseResult.Failure<ClobMarketInfo>("CLOB market without a condition_id");
        }

        var tokens = new List<ClobToken>();
        foreach (var node in WireReader.Array(market, "tokens") ?? [])
        {
            if (node is not JsonObject token || WireReader.Text(token, "token_id") is not { } tokenId)
            {
                // Markets that never listed show placeholder tokens with an empty token_id: there is nothing to trade.
                continue;
            }

            tokens.Add(new ClobToken(
                TokenId.Create(tokenId),
                WireReader.Text(token, "outcome") ?? string.Empty,
                WireReader.Decimal(token, "price"),
                WireReader.Bool(token, "winner") ?? false));
        }

        return ParseResult.Success(new ClobMarketInfo
        {
            ConditionId = ConditionId.Create(conditionId),
            QuestionId = WireReader.Text(market, "question_id"),
            Question = WireReader.Text(market, "question"),
            MarketSlug = WireReader.Text(market, "market_slug"),
            Tokens = tokens,
            Active = WireReader.Bool(market, "active") ?? false,
            Closed = WireReader.Bool(market, "closed") ?? false,
            Archived = WireReader.Bool(market, "archived") ?? false,
            AcceptingOrders = WireReader.Bool(market, "accepting_orders") ?? false,
            EnableOrderBook = WireReader.Bool(market, "enable_order_book") ?? false,
            MinimumTickSize = WireReader.Decimal(market, "minimum_tick_size"),
            MinimumOrderSize = WireReader.Decimal(market, "minimum_order_size"),
            NegRisk = WireReader.Bool(market, "neg_risk") ?? false,
            NegRiskMarketId = WireReader.Text(market, "neg_risk_market_id"),
            Is5050Outcome = WireReader.Bool(market, "is_50_50_outcome") ?? false,
            EndDate = WireReader.Date(market, "end_date_iso"),
        });
    }
}
