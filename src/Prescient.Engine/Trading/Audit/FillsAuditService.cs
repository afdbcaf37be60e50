using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Trading.Audit;

/// <summary>
/// <c>prescient fills audit</c>: every paper buy and sell of the ledger (or its last N) held against
/// the real prints of its token in the <paramref name="window"/> after it (<see cref="FillAuditRow"/>),
/// summed per market and overall, so a user sees how optimistic the paper fills are. One request series
/// per market, from its first audited fill. A market whose tape cannot be read is that market's
/// failure (logged, listed, its fills left out); only a tape that cannot be reached at all fails the run.
/// </summary>
public sealed partial class FillsAuditService(
    ITradingStore store,
    IMarketPrints prints,
    IFillsAuditReports reports,
    MarketSourceInfo source,
    TimeProvider time,
    ILogger<FillsAuditService> logger)
{
    public async Task<(FillsAudit Audit, IReadOnlyList<string> Files)> AuditAsync(
        TimeSpan window, int last, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var ledger = await store.Ledger.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var fills = ledger.Where(t => t.Kind is TradeKind.Buy or TradeKind.Sell).ToArray();
        if (last > 0)
        {
            fills = fills.TakeLast(last).ToArray();
        }

        var markets = fills.GroupBy(f => f.ConditionId).OrderBy(g => g.Min(f => f.TradeId)).ToArray();
        var rows = new List<FillAuditRow>();
        var unread = new List<(MarketId, string)>();
        for (var i = 0; i < markets.Length; i++)
        {
            var group = markets[i];
            try
            {
                var tape = await prints.GetPrintsAsync(group.Key, group.Min(f => f.ExecutedAt), cancellationToken).ConfigureAwait(false);
                rows.AddRange(group.Select(f => Audit(f, tape, window)));
            }
            catch (MarketDataUnavailableException e) when (e.SourceReached)
            {
                var market = group.First().MarketId;
                LogUnread(logger, market.Value, e.Message);
                unread.Add((market, e.Message));
            }

            progress?.Report((i + 1, markets.Length));
        }

        rows.Sort(static (a, b) => a.TradeId.CompareTo(b.TradeId));
        var perMarket = rows.GroupBy(r => r.MarketId).Select(g => Summarize(g.Key, g.First().Question, g.ToArray())).OrderBy(s => s.MarketId!.Value.Value, StringComparer.Ordinal).ToArray();
        var audit = new FillsAudit(time.GetUtcNow(), source.Name, window, rows, perMarket, Summarize(null, "all markets", rows), unread);
        var files = await reports.WriteAsync(audit, cancellationToken).ConfigureAwait(false);
        LogAudited(logger, rows.Count, perMarket.Length, unread.Count, audit.Overall.Coverage);
        return (audit, files);
    }

    /// <summary>One fill against the prints of its token from its execution to the end of the window.</summary>
    public static FillAuditRow Audit(Trade fill, IReadOnlyList<MarketPrint> tape, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(tape);
        var buy = fill.Kind == TradeKind.Buy;
        var price = fill.Price.Value;
        var end = fill.ExecutedAt + window;
        decimal volume = 0m, better = 0m, notional = 0m;
        var count = 0;
        foreach (var p in tape)
        {
            if (p.Token != fill.TokenId || p.At < fill.ExecutedAt || p.At > end)
            {
                continue;
            }

            count++;
            volume += p.Size;
            notional += p.Size * p.Price;
            if (buy ? p.Price <= price : p.Price >= price)
            {
                better += p.Size;
            }
        }

        var shares = fill.Shares.Value;
        decimal? vwap = volume > 0m ? Math.Round(notional / volume, 6) : null;
        var gap = vwap is { } v ? (buy ? price - v : v - price) : (decimal?)null;
        var coverage = shares > 0m ? Math.Round(Math.Min(1m, better / shares), 6) : 0m;
        return new FillAuditRow(fill.TradeId, fill.MarketId, fill.Question ?? string.Empty, fill.Kind, fill.ExecutedAt, shares, price, count, better, coverage, vwap, gap);
    }

    /// <summary>Fills summed: shares, covered shares (each fill's at most its own), and the share-weighted gap over the fills that had prints.</summary>
    public static FillAuditSummary Summarize(MarketId? market, string question, IReadOnlyCollection<FillAuditRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var withPrints = rows.Where(r => r.GapPerShare is not null).ToArray();
        var gapShares = withPrints.Sum(r => r.Shares);
        var gapUsdc = withPrints.Sum(r => r.GapUsdc!.Value);
        return new FillAuditSummary(
            market,
            question,
            rows.Count,
            withPrints.Length,
            rows.Sum(r => r.Shares),
            rows.Sum(r => Math.Min(r.VolumeAtOrBetter, r.Shares)),
            gapShares > 0m ? Math.Round(gapUsdc / gapShares, 6) : null,
            Math.Round(gapUsdc, 6));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The trade tape of market {MarketId} could not be read; its fills are left out of the audit: {Reason}")]
    private static partial void LogUnread(ILogger logger, string marketId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fills audit: {Fills} fills in {Markets} markets ({Unread} markets unread), coverage {Coverage}")]
    private static partial void LogAudited(ILogger logger, int fills, int markets, int unread, decimal coverage);
}
