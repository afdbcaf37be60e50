using Prescient.Engine.Backtest;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Sweeps;

/// <summary>
/// <c>prescient sweep</c>: three backtests a grid point (the whole range, in-sample, out-of-sample) through
/// <see cref="ISweepBacktests"/>, so each is the backtest <c>prescient backtest</c> would run with those
/// settings. The history and the refresh's markets are read once and shared read-only; the backtests run
/// <see cref="SweepRequest.Parallelism"/> at a time. Each result lands in its point's slot, so the outcome
/// does not depend on which finished first.
/// </summary>
public sealed class SweepService(ISweepBacktests backtests, IMarketDataStore store, TimeProvider time)
{
    private enum Part
    {
        Full,
        InSample,
        OutOfSample,
    }

    public async Task<SweepResult> RunAsync(SweepRequest request, IMarketHistory history, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(history);
        var points = request.Grid.Points;
        foreach (var point in points)
        {
            if (backtests.Validate(point.Settings) is { } problem)
            {
                throw new SweepInputException($"grid point {Describe(request.Grid, point)}: {problem}");
            }
        }

        var started = time.GetTimestamp();
        var parts = new Dictionary<Part, BacktestRequest>
        {
            [Part.Full] = request.Range,
            [Part.InSample] = request.Split.InSample,
            [Part.OutOfSample] = request.Split.OutOfSample,
        };
        var data = await FrozenMarketData.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var frozen = await FrozenMarketHistory.LoadAsync(history, [.. parts.Values.Select(r => (r.Start, r.End))], cancellationToken).ConfigureAwait(false);
        var figures = new SweepFigures[3, points.Count];
        var jobs = points.SelectMany(p => parts.Keys.Select(part => (Point: p, Part: part))).ToArray();
        var done = 0;
        BacktestResult? sample = null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(jobs, parallel, async (job, ct) =>
        {
            var result = await backtests.RunAsync(job.Point.Settings, parts[job.Part], data, frozen, ct).ConfigureAwait(false);
            figures[(int)job.Part, job.Point.Index] = SweepFigures.Of(result, BacktestStatistics.Compute(result));
            if (job.Point.Index == 0 && job.Part == Part.Full)
            {
                sample = result;
            }

            progress?.Report(new SweepProgress(Interlocked.Increment(ref done), jobs.Length));
        }).ConfigureAwait(false);

        var metric = request.Sort;
        var inSample = points.Select(p => metric.Of(figures[(int)Part.InSample, p.Index])).ToArray();
        var outOfSample = points.Select(p => metric.Of(figures[(int)Part.OutOfSample, p.Index])).ToArray();
        var rows = points.Select(p => new SweepRow(
            p,
            figures[(int)Part.Full, p.Index],
            figures[(int)Part.InSample, p.Index],
            figures[(int)Part.OutOfSample, p.Index],
            SweepMetric.Rank(inSample[p.Index], inSample),
            SweepMetric.Rank(outOfSample[p.Index], outOfSample))).ToArray();
        var best = metric.Sort(rows, r => r.InSample, r => r.Point.Index).First();
        var first = sample!;
        return new SweepResult
        {
            Request = request,
            Strategy = first.Strategy,
            Source = first.Source,
            History = first.History,
            Step = first.Step,
            InitialCash = first.InitialCash,
            Markets = first.Markets.Count,
            Rows = [.. metric.Sort(rows, r => r.Full, r => r.Point.Index)],
            Overfit = new OverfitCheck(best, best.OutOfSampleRank, rows.Length, metric.Of(best.InSample), metric.Of(best.OutOfSample)),
            PointsHeld = frozen.PointCount,
            Backtests = jobs.Length,
            Parallelism = parallel.MaxDegreeOfParallelism,
            Duration = time.GetElapsedTime(started),
        };
    }

    /// <summary><c>threshold=0.55, stake=50</c>: a point's values by axis name.</summary>
    public static string Describe(SweepGrid grid, SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(point);
        return string.Join(", ", grid.Axes.Select((a, i) => $"{a.Name}={point.Values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }
}
