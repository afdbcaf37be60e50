using System.Text.Json.Serialization;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Engine.Extraction;

/// <summary>
/// One extracted market of a kept event, flat, as written to <c>events/filtered_markets.json</c>
/// and <c>exports/markets_extracted.csv</c>. Prices in [0, 1]; liquidity and volumes in USDC;
/// tick size in USDC; minimum order size in shares. Closed markets are kept and flagged.
/// </summary>
public sealed record MarketRow
{
    public required EventId EventId { get; init; }

    public string? EventSlug { get; init; }

    public string? EventTitle { get; init; }

    public required MarketId MarketId { get; init; }

    public required ConditionId ConditionId { get; init; }

    public required string Question { get; init; }

    public string? MarketSlug { get; init; }

    public string? GroupItemTitle { get; init; }

    public IReadOnlyList<string> Outcomes { get; init; } = [];

    public TokenId? YesTokenId { get; init; }

    public TokenId? NoTokenId { get; init; }

    /// <summary>Gamma's displayed YES price (mid, or last trade when the spread is wide).</summary>
    public decimal? YesPrice { get; init; }

    public decimal? NoPrice { get; init; }

    public decimal? BestBid { get; init; }

    public decimal? BestAsk { get; init; }

    public decimal? Spread { get; init; }

    public decimal? LastTradePrice { get; init; }

    public decimal? Liquidity { get; init; }

    public decimal? Volume { get; init; }

    [JsonPropertyName("volume_24h")]
    public decimal? Volume24h { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public bool Active { get; init; }

    public bool Closed { get; init; }

    public bool AcceptingOrders { get; init; }

    public bool EnableOrderBook { get; init; }

    public bool NegRisk { get; init; }

    public string? NegRiskMarketId { get; init; }

    public decimal? TickSize { get; init; }

    public decimal? MinOrderSize { get; init; }

    public bool FeesEnabled { get; init; }

    public string? FeeType { get; init; }

    public decimal? FeeRate { get; init; }

    public decimal? FeeExponent { get; init; }

    public decimal? MakerBaseFee { get; init; }

    public decimal? TakerBaseFee { get; init; }

    public string? UmaResolutionStatus { get; init; }

    /// <summary>The fee settings as the domain models them (taker fee per share = rate × (p(1 − p))^exponent).</summary>
    [JsonIgnore]
    public FeeSettings Fees => FeesEnabled
        ? new FeeSettings { Enabled = true, Type = FeeType, Rate = FeeRate, Exponent = FeeExponent, MakerBaseFee = MakerBaseFee, TakerBaseFee = TakerBaseFee }
        : FeeSettings.None;

    /// <summary>Worth quoting: accepting orders, not closed, order book enabled, both tokens known.</summary>
    [JsonIgnore]
    public bool IsQuotable => AcceptingOrders && !Closed && EnableOrderBook && YesTokenId is not null && NoTokenId is not null;

    /// <summary>
    /// The market as the domain models it, for trading: ids, question, flags, Gamma's quotes, tick
    /// size, minimum order size and fees. Outcomes carry the row's YES/NO tokens and prices (index 0
    /// YES, 1 NO); a row with tokens but no outcome names gets "Yes" and "No". The event's slug and
    /// title stay on the row.
    /// </summary>
    public Market ToMarket() => new()
    {
        Id = MarketId,
        EventId = EventId,
        ConditionId = ConditionId,
        Question = Question,
        Slug = MarketSlug,
        GroupItemTitle = GroupItemTitle,
        Outcomes = ToOutcomes(),
        BestBid = BestBid,
        BestAsk = BestAsk,
        Spread = Spread,
        LastTradePrice = LastTradePrice,
        Liquidity = Liquidity,
        Volume = Volume,
        Volume24h = Volume24h,
        EndDate = EndDate,
        Active = Active,
        Closed = Closed,
        AcceptingOrders = AcceptingOrders,
        EnableOrderBook = EnableOrderBook,
        NegRisk = NegRisk,
        NegRiskMarketId = NegRiskMarketId,
        TickSize = TickSize,
        MinOrderSize = MinOrderSize,
        Fees = Fees,
        UmaResolutionStatus = UmaResolutionStatus,
    };

    private Outcome[] ToOutcomes()
    {
        if (Outcomes.Count == 2 || (Outcomes.Count == 0 && (YesTokenId is not null || NoTokenId is not null)))
        {
            return
            [
                new Outcome(Outcomes.ElementAtOrDefault(0) ?? "Yes", YesTokenId, YesPrice),
                new Outcome(Outcomes.ElementAtOrDefault(1) ?? "No", NoTokenId, NoPrice),
            ];
        }

        return Outcomes.Select(name => new Outcome(name, null, null)).ToArray();
    }
}
