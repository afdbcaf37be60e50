using Prescient.Engine.Backtest;

namespace Prescient.Engine.Sweeps;

/// <summary>What to sweep: the days, the strategy by name, the grid, the figure to sort by, the walk-forward split and how many backtests run at once.</summary>
public sealed record SweepRequest(BacktestRequest Range, string Strategy, SweepGrid Grid, SweepMetric Sort, WalkForwardSplit Split, int Parallelism);

/// <summary>How far a sweep is: backtests done of the total (three a point: the whole range, in-sample, out-of-sample).</summary>
public sealed record SweepProgress(int Done, int Total);

/// <summary>
/// One grid point's figures over the whole range (equal to <c>prescient backtest</c> with its settings),
/// in-sample and out-of-sample, and its rank (1 = best, ties shared) by the sort figure in each part.
/// </summary>
public sealed record SweepRow(SweepPoint Point, SweepFigures Full, SweepFigures InSample, SweepFigures OutOfSample, int InSampleRank, int OutOfSampleRank);

/// <summary>
/// How well the in-sample choice carried: the point best in-sample, its out-of-sample rank of
/// <see cref="Points"/>, and the sort figure in and out of sample.
/// </summary>
public sealed record OverfitCheck(SweepRow BestInSample, int OutOfSampleRank, int Points, decimal? InSampleValue, decimal? OutOfSampleValue)
{
    /// <summary>The in-sample best is in the lower half out-of-sample, or its figure turned from positive to zero or less.</summary>
    public bool Flagged => OutOfSampleRank > (Points + 1) / 2 || (InSampleValue > 0m && OutOfSampleValue is null or <= 0m);
}

/// <summary>A sweep's outcome: the rows sorted by <see cref="SweepRequest.Sort"/> over the whole range, descending.</summary>
public sealed record SweepResult
{
    public required SweepRequest Request { get; init; }

    /// <summary>The strategy's name as it reports it.</summary>
    public required string Strategy { get; init; }

    public required string Source { get; init; }

    public required string History { get; init; }

    public required TimeSpan Step { get; init; }

    public required decimal InitialCash { get; init; }

    public required int Markets { get; init; }

    public required IReadOnlyList<SweepRow> Rows { get; init; }

    public required OverfitCheck Overfit { get; init; }

    public required long PointsHeld { get; init; }

    public required int Backtests { get; init; }

    public required int Parallelism { get; init; }

    public required TimeSpan Duration { get; init; }
}
