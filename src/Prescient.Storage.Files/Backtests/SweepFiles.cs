using System.Globalization;
using Prescient.Engine.Sweeps;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Backtests;

/// <summary>
/// The tables of a sweep under <c>backtests/</c>: <c>sweep_FROM_TO_STRATEGY.csv</c>, one row per grid point
/// sorted by the sweep's figure (the parameters, the whole range's figures, then <c>is_…</c> and <c>oos_…</c>,
/// the ranks and the point's number), and <c>….json</c> beside it with the inputs, the split, the overfitting
/// check and the same rows. Same sweep, same bytes, but for <c>generated_at</c>.
/// </summary>
public sealed class SweepFiles(DataFolder folder)
{
    private static readonly string[] Figures = ["return", "cagr", "max_drawdown", "sharpe", "sortino", "win_rate", "profit_factor", "trades", "fees", "final_equity"];

    /// <summary>The path of the files without their ending: <c>backtests/sweep_YYYY-MM-DD_YYYY-MM-DD_strategy</c>.</summary>
    public string Stem(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var strategy = new string([.. result.Strategy.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        var range = result.Request.Range;
        return Path.Combine(folder.Root, "backtests", string.Create(CultureInfo.InvariantCulture, $"sweep_{range.From:yyyy-MM-dd}_{range.To:yyyy-MM-dd}_{strategy}"));
    }

    public async Task<IReadOnlyList<string>> WriteAsync(SweepResult result, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stem = Stem(result);
        Directory.CreateDirectory(Path.GetDirectoryName(stem)!);
        var (csv, json) = (stem + ".csv", stem + ".json");
        var axes = result.Request.Grid.Axes;
        string[] header =
        [
            .. axes.Select(a => a.Name),
            .. Figures,
            .. Figures.Select(f => "is_" + f),
            .. Figures.Select(f => "oos_" + f),
            "is_rank", "oos_rank", "point",
        ];
        await CsvTable.WriteAsync(csv, header, result.Rows.Select(Row), cancellationToken).ConfigureAwait(false);
        await JsonFile.WriteAsync(json, Document(result, generatedAt), cancellationToken).ConfigureAwait(false);
        return [csv, json];
    }

    private static IEnumerable<string> Row(SweepRow row) =>
    [
        .. row.Point.Values.Select(v => CsvCell.Number(v)),
        .. Cells(row.Full),
        .. Cells(row.InSample),
        .. Cells(row.OutOfSample),
        CsvCell.Number(row.InSampleRank), CsvCell.Number(row.OutOfSampleRank), CsvCell.Number(row.Point.Index),
    ];

    private static IEnumerable<string> Cells(SweepFigures f) =>
    [
        CsvCell.Number(f.TotalReturn), CsvCell.Number(f.Cagr), CsvCell.Number(f.MaxDrawdown), CsvCell.Number(f.Sharpe), CsvCell.Number(f.Sortino),
        CsvCell.Number(f.WinRate), CsvCell.Number(f.ProfitFactor), CsvCell.Number(f.Trades), CsvCell.Number(f.FeesPaid), CsvCell.Number(f.FinalEquity),
    ];

    private static object Document(SweepResult r, DateTimeOffset generatedAt) => new
    {
        generated_at = generatedAt,
        source = r.Source,
        simulated = r.Source == "sample",
        from = r.Request.Range.From,
        to = r.Request.Range.To,
        step = r.Step,
        history = r.History,
        strategy = r.Strategy,
        initial_cash = r.InitialCash,
        markets = r.Markets,
        sort = r.Request.Sort.Name,
        grid = r.Request.Grid.Axes.Select(a => new { name = a.Name, key = a.Key, values = a.Values }),
        split = new
        {
            fraction = r.Request.Split.Fraction,
            in_sample = new { from = r.Request.Split.InSample.From, to = r.Request.Split.InSample.To },
            out_of_sample = new { from = r.Request.Split.OutOfSample.From, to = r.Request.Split.OutOfSample.To },
        },
        overfit = new
        {
            best_in_sample_point = r.Overfit.BestInSample.Point.Index,
            best_in_sample_settings = r.Overfit.BestInSample.Point.Settings,
            out_of_sample_rank = r.Overfit.OutOfSampleRank,
            points = r.Overfit.Points,
            in_sample_value = r.Overfit.InSampleValue,
            out_of_sample_value = r.Overfit.OutOfSampleValue,
            flagged = r.Overfit.Flagged,
        },
        backtests = r.Backtests,
        rows = r.Rows.Select(row => new
        {
            point = row.Point.Index,
            settings = row.Point.Settings,
            full = row.Full,
            in_sample = row.InSample,
            out_of_sample = row.OutOfSample,
            is_rank = row.InSampleRank,
            oos_rank = row.OutOfSampleRank,
        }),
    };
}
