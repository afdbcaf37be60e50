using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Status;

/// <summary>
/// Reads the trading status. It changes nothing and does not take the <see cref="UseCaseGate"/>, so it
/// answers while a cycle runs: every file it reads is replaced atomically or only appended to.
/// </summary>
public sealed class StatusService(
    IRunLog runs,
    IRunSchedule schedule,
    IDataFreshness freshness,
    PortfolioService portfolio,
    MarketSourceInfo source,
    TimeProvider time,
    ILiveFeedStatus? feed = null)
{
    public async Task<TradingStatus> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lastCycle = await runs.LastAsync(RunKinds.Cycle, cancellationToken);
        var lastEndOfDay = await runs.LastAsync(RunKinds.EndOfDay, cancellationToken);
        var p = await portfolio.CurrentUngatedAsync(cancellationToken);
        var files = await freshness.ReadAsync(cancellationToken);
        return new TradingStatus(
            now,
            source,
            lastCycle,
            lastEndOfDay,
            schedule.Describe(now),
            new PortfolioStatus(
                p.GeneratedAt, p.InitialCash, p.Cash, p.PositionsValue, p.Equity, p.RealizedPnl, p.UnrealizedPnl,
                p.Equity - p.InitialCash, p.Positions.Count, p.TradeCount)
            {
                HeldMarketsNotLookedUp = p.Positions.Count(x => x.LookupProblem is not null),
            },
            files.Select(f => new DataFileStatus(f.File, f.GeneratedAt, f.GeneratedAt is { } at ? Age(now, at) : null, f.Source, f.Problem)).ToArray())
        {
            Feed = feed?.Current,
        };
    }

    /// <summary>Never negative: a file stamped by a clock slightly ahead is simply fresh.</summary>
    private static TimeSpan Age(DateTimeOffset now, DateTimeOffset generatedAt) =>
        now > generatedAt ? now - generatedAt : TimeSpan.Zero;
}
