using System.Globalization;
using Prescient.Engine.Sweeps;
using ScottPlot;

namespace Prescient.Reports;

/// <summary>
/// The heat map of a sweep: the first grid axis across, the second up (one row when there is one axis),
/// each cell coloured by the sort figure over the whole range and labelled with it; with more axes a cell
/// shows the best value over the others. A cell without the figure (no trade, one day) is grey.
/// 1000 × 600 PNG in the reports' font.
/// </summary>
public static class SweepHeatmap
{
    public const int Width = 1000;
    public const int Height = 600;

    /// <summary>The most cells labelled with their value (beyond, the labels would overlap).</summary>
    private const int LabelledCells = 400;

    public static byte[] Draw(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var axes = result.Request.Grid.Axes;
        var metric = result.Request.Sort;
        var xs = axes[0].Values;
        var ys = axes.Count > 1 ? axes[1].Values : [];
        var rows = Math.Max(1, ys.Count);
        var cells = new double[rows, xs.Count];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < xs.Count; c++)
            {
                cells[r, c] = double.NaN;
            }
        }

        foreach (var row in result.Rows)
        {
            var c = IndexOf(xs, row.Point.Values[0]);
            var r = ys.Count == 0 ? 0 : rows - 1 - IndexOf(ys, row.Point.Values[1]);
            if (metric.Of(row.Full) is { } value && (double.IsNaN(cells[r, c]) || (double)value > cells[r, c]))
            {
                cells[r, c] = (double)value;
            }
        }

        var plot = ReportCharts.StyledPlot(string.Create(CultureInfo.InvariantCulture, $"Sweep {result.Request.Range.From:yyyy-MM-dd} to {result.Request.Range.To:yyyy-MM-dd}, {result.Strategy}: {metric.Name}"));
        var finite = cells.Cast<double>().Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            // ScottPlot cannot scale colours over no value: say so in the middle instead.
            var none = plot.Add.Text($"No point has a {metric.Name}", (xs.Count - 1) / 2d, (rows - 1) / 2d);
            none.LabelAlignment = Alignment.MiddleCenter;
            none.LabelFontSize = 18;
        }
        else
        {
            var map = plot.Add.Heatmap(cells);
            map.Colormap = new ScottPlot.Colormaps.Viridis();
            map.NaNCellColor = Colors.LightGray;
            map.Rectangle = new CoordinateRect(-0.5, xs.Count - 0.5, -0.5, rows - 0.5);
            if (finite.Min() == finite.Max())
            {
                // One value: a range around it, so the colour scale stays defined.
                map.ManualRange = new ScottPlot.Range(finite[0] - 1d, finite[0] + 1d);
            }

            plot.Add.ColorBar(map);
        }

        if (finite.Length > 0 && xs.Count * rows <= LabelledCells)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < xs.Count; c++)
                {
                    var label = plot.Add.Text(double.IsNaN(cells[r, c]) ? "—" : cells[r, c].ToString("G4", CultureInfo.InvariantCulture), c, rows - 1 - r);
                    label.LabelAlignment = Alignment.MiddleCenter;
                    label.LabelFontSize = xs.Count * rows > 100 ? 9 : 12;
                    label.LabelFontColor = Colors.White;
                }
            }
        }

        plot.Axes.Bottom.TickGenerator = Ticks(xs);
        plot.Axes.Bottom.Label.Text = axes[0].Name;
        plot.Axes.Left.TickGenerator = ys.Count == 0 ? new ScottPlot.TickGenerators.NumericManual([0d], [string.Empty]) : Ticks(ys);
        plot.Axes.Left.Label.Text = ys.Count == 0 ? string.Empty : axes[1].Name;
        plot.Axes.SetLimits(-0.5, xs.Count - 0.5, -0.5, rows - 0.5);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static int IndexOf(IReadOnlyList<decimal> values, decimal value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        throw new ArgumentException($"{value} is not a value of the axis.", nameof(value));
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(IReadOnlyList<decimal> values) =>
        new([.. Enumerable.Range(0, values.Count).Select(i => (double)i)], [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
}
