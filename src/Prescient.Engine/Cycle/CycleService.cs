using Microsoft.Extensions.Logging;
using Prescient.Engine.Exports;
using Prescient.Engine.Refresh;
using Prescient.Engine.Runs;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Cycle;

/// <summary>
/// The morning cycle behind <c>prescient cycle</c>, <c>POST /trading/run-full-cycle</c> and the
/// scheduler: refresh (events, markets, quotes) → signals → execute (settle, fill, mark), each step
/// rewriting its own CSVs, then the two history CSVs — all eight regenerated once — each run recorded in the <see cref="IRunLog"/> whether it succeeds or fails.
/// </summary>
/// <remarks>
/// Each step goes through its own gated public method, in sequence, and the cycle does NOT hold the
/// <see cref="UseCaseGate"/> itself (the gate is not re-entrant): another use-case may run between two
/// steps, and two cycles may interleave step by step. That is safe because exactly-once comes from
/// the ledger, not from the gate: execution replays the ledger first and never fills a signal whose
/// id (one per day, market and action) is already there, so re-running a cycle the same day, or two
/// concurrent cycles, never trade a signal twice.
/// </remarks>
public sealed partial class CycleService(
    RefreshService refresh,
    SignalService signals,
    ExecutionService execution,
    ExportService exports,
    RunRecorder recorder,
    TimeProvider time,
    ILogger<CycleService> logger)
{
    public Task<CycleResult> RunAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        recorder.RecordAsync(RunKinds.Cycle, ct => RunStepsAsync(progress, ct), r => r.Summary, cancellationToken);

    private async Task<CycleResult> RunStepsAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        LogStarting(logger);

        var refreshed = await refresh.RefreshAsync(progress, cancellationToken);
        progress?.Report(new RefreshProgress("signals", 0, null));
        var generated = await signals.GenerateAsync(cancellationToken);
        progress?.Report(new RefreshProgress("execute", 0, null));
        var executed = await execution.ExecuteAsync(cancellationToken);
        progress?.Report(new RefreshProgress("export", 0, null));
        var exported = await exports.ExportHistoryAsync(cancellationToken);

        var files = refreshed.Events.FilesWritten
            .Concat(refreshed.Quotes.FilesWritten)
            .Concat(generated.FilesWritten)
            .Concat(executed.FilesWritten)
            .Concat(exported)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var portfolio = executed.Portfolio;
        return new CycleResult
        {
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            Source = refreshed.Events.Source,
            EventsDiscovered = refreshed.Events.EventsDiscovered,
            EventsKept = refreshed.Events.EventsKept,
            Markets = refreshed.Events.MarketsExtracted,
            TokensQuoted = refreshed.Quotes.Tokens,
            TokensWithBook = refreshed.Quotes.TokensWithBook,
            Signals = generated.Signals,
            Trades = executed.Trades.Count,
            Exits = executed.Exits.Count,
            Settlements = executed.Settlements.Count,
            PendingSettlements = executed.Pending.Count,
            LookupFailures = executed.LookupFailures,
            RejectionsByReason = executed.RejectionsByReason,
            Cash = portfolio.Cash,
            PositionsValue = portfolio.PositionsValue,
            Equity = portfolio.Equity,
            RealizedPnl = portfolio.RealizedPnl,
            UnrealizedPnl = portfolio.UnrealizedPnl,
            OpenPositions = portfolio.Positions.Count,
            Files = files,
            Duration = time.GetElapsedTime(started),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle starting: refresh, signals, execute, export")]
    private static partial void LogStarting(ILogger logger);
}
