using Prescient.Domain.Ids;
using Prescient.Domain.Trading;

namespace Prescient.Engine.Trading.Audit;

/// <summary>
/// One paper fill held against the real prints of its token in the window after it: how many shares
/// traded at or better than its average price (a buy: at or below; a sell: at or above), what share of
/// the fill that volume covers (at most 1), and the gap between the fill's price and the prints'
/// volume-weighted average (a buy: fill − VWAP, so positive means the book walk paid more than the
/// tape; a sell: VWAP − fill). Null figures when no print fell in the window.
/// </summary>
public sealed record FillAuditRow(
    TradeId TradeId,
    MarketId MarketId,
    string Question,
    TradeKind Kind,
    DateTimeOffset ExecutedAt,
    decimal Shares,
    decimal Price,
    int Prints,
    decimal VolumeAtOrBetter,
    decimal Coverage,
    decimal? Vwap,
    decimal? GapPerShare)
{
    /// <summary>The gap in USDC over the fill's shares.</summary>
    public decimal? GapUsdc => GapPerShare * Shares;
}

/// <summary>The fills of one market (or all of them): shares filled, shares the tape covers, and the share-weighted gap.</summary>
public sealed record FillAuditSummary(
    MarketId? MarketId,
    string Question,
    int Fills,
    int FillsWithPrints,
    decimal Shares,
    decimal CoveredShares,
    decimal? GapPerShare,
    decimal GapUsdc)
{
    /// <summary>Σ min(volume at or better, shares) / Σ shares: 1 when the tape could have filled every share at that price.</summary>
    public decimal Coverage => Shares == 0m ? 0m : Math.Round(CoveredShares / Shares, 6);
}

/// <summary>A fills audit: its window, every fill audited, per-market and overall summaries, and the markets whose tape could not be read.</summary>
public sealed record FillsAudit(
    DateTimeOffset GeneratedAt,
    string Source,
    TimeSpan Window,
    IReadOnlyList<FillAuditRow> Fills,
    IReadOnlyList<FillAuditSummary> Markets,
    FillAuditSummary Overall,
    IReadOnlyList<(MarketId MarketId, string Reason)> Unread);
