using Prescient.Engine.Backtest;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Sweeps;

/// <summary>
/// Runs the backtest of one grid point: the configuration with the point's keys laid over it, the strategy
/// and <see cref="BacktestService"/> built from that as <c>prescient backtest</c> builds them. Safe to call
/// from several threads at once.
/// </summary>
public interface ISweepBacktests
{
    /// <summary>Null when <paramref name="settings"/> make valid settings, else the first problem in one line.</summary>
    string? Validate(IReadOnlyDictionary<string, string> settings);

    Task<BacktestResult> RunAsync(IReadOnlyDictionary<string, string> settings, BacktestRequest request, IMarketDataStore store, IMarketHistory history, CancellationToken cancellationToken);
}

/// <summary>Where a sweep's files go (<c>backtests/sweep_FROM_TO_STRATEGY…</c>).</summary>
public interface ISweepReports
{
    /// <summary>Writes the CSV, the JSON and the heat map (each replaced atomically) and returns their paths.</summary>
    Task<IReadOnlyList<string>> WriteAsync(SweepResult result, DateTimeOffset generatedAt, CancellationToken cancellationToken);
}
