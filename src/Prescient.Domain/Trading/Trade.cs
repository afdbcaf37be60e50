using System.Text.Json.Serialization;
using Prescient.Domain.Ids;
using Prescient.Domain.Values;

namespace Prescient.Domain.Trading;

/// <summary>
/// One record of the append-only ledger <c>trades/paper_trades.json</c>. Shares in shares; prices in
/// [0, 1] USDC per share; cost, fees, cash and P&amp;L in USDC.
/// </summary>
public sealed record Trade
{
    public required TradeId TradeId { get; init; }

    /// <summary>The signal executed; null for settlements.</summary>
    public SignalId? SignalId { get; init; }

    public required DateTimeOffset ExecutedAt { get; init; }

    public required TradeKind Kind { get; init; }

    public required EventId EventId { get; init; }

    public required MarketId MarketId { get; init; }

    public required ConditionId ConditionId { get; init; }

    public required TokenId TokenId { get; init; }

    public string? Outcome { get; init; }

    public string? Question { get; init; }

    public required Shares Shares { get; init; }

    /// <summary>Average fill price (rounded to 6 places); the payout per share (1, 0 or 0.5) for a settlement.</summary>
    public required Price Price { get; init; }

    /// <summary>Exact USDC value of the shares: Σ level price × level shares for a fill, shares × payout for a settlement.</summary>
    public required Usdc Cost { get; init; }

    public required Usdc Fees { get; init; }

    /// <summary>Cash after this record; replaying the ledger must reproduce it exactly.</summary>
    public required Usdc CashAfter { get; init; }

    /// <summary>The best price on the side walked (best ask for a buy, best bid for a sell); null for a settlement.</summary>
    public Price? BestPrice { get; init; }

    /// <summary>Price − best price for a buy, best price − price for a sell in USDC per share (≥ 0: never better than the book).</summary>
    public Usdc? Slippage { get; init; }

    /// <summary>A buy: the signal's price, the best ask when the signal was made; null for other records and for buys recorded before it was kept.</summary>
    public Price? SignalPrice { get; init; }

    /// <summary>A buy: price − signal price, in USDC per share: how far the fill strayed from the ask the signal saw (negative when the book improved); null when <see cref="SignalPrice"/> is.</summary>
    public Usdc? Drift { get; init; }

    public DateTimeOffset? BookTimestamp { get; init; }

    /// <summary>P&amp;L realised by a sell or a settlement (proceeds − fees − the cost basis released); null for a buy.</summary>
    public Usdc? RealizedPnl { get; init; }

    /// <summary>"sample" or "live".</summary>
    public string? Source { get; init; }

    /// <summary>What this record does to cash: −(cost + fees) for a buy, cost − fees for a sell or a settlement (whose fees are 0).</summary>
    [JsonIgnore]
    public Usdc CashDelta => Kind == TradeKind.Buy ? -(Cost + Fees) : Cost - Fees;
}
