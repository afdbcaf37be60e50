namespace Prescient.Engine.Backtest;

/// <summary>Where a backtest's report files go: <c>backtests/</c> of the data folder, one set per run named by its dates and strategy.</summary>
public interface IBacktestReports
{
    /// <summary>Writes the run's files (each replaced atomically) and returns their paths.</summary>
    Task<IReadOnlyList<string>> WriteAsync(BacktestResult result, BacktestSummary summary, DateTimeOffset generatedAt, CancellationToken cancellationToken);
}
