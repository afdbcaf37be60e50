using System.Globalization;
using Prescient.Engine.Sweeps;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>The terminal output of <c>prescient sweep</c>: the top points and the overfitting check.</summary>
internal static class SweepTables
{
    /// <summary>How many points the table shows (the CSV has them all).</summary>
    public const int Shown = 10;

    public static void Render(IAnsiConsole console, SweepResult r)
    {
        var request = r.Request;
        var metric = request.Sort.Name;
        var simulated = r.Source == "sample" ? " (sample market: simulated)" : string.Empty;
        var table = new Table()
            .Title($"Sweep {request.Range.From:yyyy-MM-dd} to {request.Range.To:yyyy-MM-dd}, {r.Strategy}{simulated}: top {Math.Min(Shown, r.Rows.Count)} of {r.Rows.Count} by {metric}")
            .AddColumn(new TableColumn("#").RightAligned());
        foreach (var axis in request.Grid.Axes)
        {
            table.AddColumn(new TableColumn(Markup.Escape(axis.Name)).RightAligned());
        }

        foreach (var name in new[] { "Return", "Sharpe", "Max DD", "Trades", $"IS {metric}", $"OOS {metric}", "OOS rank" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        var rank = 0;
        foreach (var row in r.Rows.Take(Shown))
        {
            string[] cells =
            [
                (++rank).ToString(CultureInfo.InvariantCulture),
                .. row.Point.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)),
                P(row.Full.TotalReturn), N(row.Full.Sharpe), P(row.Full.MaxDrawdown), row.Full.Trades.ToString("N0", CultureInfo.InvariantCulture),
                N(request.Sort.Of(row.InSample)), N(request.Sort.Of(row.OutOfSample)), $"{row.OutOfSampleRank}/{r.Rows.Count}",
            ];
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        var split = request.Split;
        console.MarkupLineInterpolated($"Walk-forward: in-sample {split.InSample.From:yyyy-MM-dd} to {split.InSample.To:yyyy-MM-dd}, out-of-sample {split.OutOfSample.From:yyyy-MM-dd} to {split.OutOfSample.To:yyyy-MM-dd} ({(split.Fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture)} % / {((1m - split.Fraction) * 100m).ToString("0.#", CultureInfo.InvariantCulture)} % of the days).");
        var o = r.Overfit;
        var best = SweepService.Describe(request.Grid, o.BestInSample.Point);
        var line = $"In-sample best: {best}, {metric} {N(o.InSampleValue)} in-sample → {N(o.OutOfSampleValue)} out-of-sample{Drop(o)}; out-of-sample rank {o.OutOfSampleRank} of {o.Points}.";
        console.MarkupLine(o.Flagged
            ? $"[yellow]Overfitting: {Markup.Escape(line)} The in-sample choice did not hold out of sample.[/]"
            : $"[green]{Markup.Escape(line)}[/]");
        console.MarkupLineInterpolated($"{r.Backtests:N0} backtests of {r.Markets:N0} markets ({r.PointsHeld:N0} price points held once), {r.Parallelism} at a time, in {r.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s.");
    }

    private static string Drop(OverfitCheck o) =>
        o.InSampleValue is { } inSample && o.OutOfSampleValue is { } outOfSample && inSample != 0m
            ? string.Create(CultureInfo.InvariantCulture, $" ({((outOfSample - inSample) / Math.Abs(inSample) * 100m):+0.#;-0.#;0} %)")
            : string.Empty;

    private static string N(decimal? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "—";

    private static string P(decimal? value) => value is { } v ? (v * 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—";
}
