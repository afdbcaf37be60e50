using System.Globalization;
using Prescient.Engine.Reports;
using ScottPlot;

namespace Prescient.Reports;

/// <summary>
/// The four PNG charts of a report, drawn with ScottPlot at <see cref="Width"/> × <see cref="Height"/>
/// pixels in the bundled DejaVu Sans (so the text renders on a machine with no fonts installed).
/// </summary>
public static class ReportCharts
{
    public const int Width = 1000;
    public const int Height = 400;

    /// <summary>The chart names, which are also the PNG file names of <c>reports/</c>.</summary>
    public const string Equity = "equity";
    public const string Drawdown = "drawdown";
    public const string PnlByMarket = "pnl_by_market";
    public const string Calibration = "calibration";

    /// <summary>How many markets the P&amp;L chart shows at most (the best and the worst).</summary>
    public const int MarketsShown = 15;

    private const string FontName = "DejaVu Sans";
    private static readonly Lazy<bool> FontsRegistered = new(RegisterFonts);
    private static readonly Color Accent = Color.FromHex("#2563eb");
    private static readonly Color Gain = Color.FromHex("#16a34a");
    private static readonly Color Loss = Color.FromHex("#dc2626");

    /// <summary>Every chart of <paramref name="report"/>, by name, as PNG bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> Draw(TradingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _ = FontsRegistered.Value;
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [Equity] = EquityChart(report),
            [Drawdown] = DrawdownChart(report),
            [PnlByMarket] = PnlChart(report),
            [Calibration] = CalibrationChart(report),
        };
    }

    private static byte[] EquityChart(TradingReport report)
    {
        var plot = NewPlot("Equity (USDC)");
        var days = report.Performance.Days;
        if (days.Count > 0)
        {
            var xs = days.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var equity = plot.Add.Scatter(xs, days.Select(d => (double)d.Equity).ToArray());
            equity.Color = Accent;
            equity.LineWidth = 2;
            equity.MarkerSize = days.Count > 60 ? 0 : 4;
            equity.LegendText = "equity";
            var start = plot.Add.HorizontalLine((double)report.Performance.InitialCash);
            start.Color = Colors.Gray;
            start.LinePattern = LinePattern.Dashed;
            start.LegendText = "initial cash";
            plot.Axes.DateTimeTicksBottom();
            plot.ShowLegend(Alignment.UpperLeft);
        }
        else
        {
            NoData(plot, "No end of day recorded yet");
        }

        return Png(plot);
    }

    private static byte[] DrawdownChart(TradingReport report)
    {
        var plot = NewPlot("Drawdown (%)");
        var days = report.Performance.Days;
        if (days.Count > 0)
        {
            var xs = days.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var ys = days.Select(d => (double)(d.Drawdown * 100m)).ToArray();
            var fill = plot.Add.FillY(xs, ys, new double[xs.Length]);
            fill.FillColor = Loss.WithAlpha(0.35);
            fill.LineColor = Loss;
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.SetLimitsY(Math.Min(-1, ys.Min() * 1.1), 0.5);
        }
        else
        {
            NoData(plot, "No end of day recorded yet");
        }

        return Png(plot);
    }

    private static byte[] PnlChart(TradingReport report)
    {
        var plot = NewPlot("P&L by market (USDC): best and worst");
        var markets = Extremes(report.PnlByMarket);
        if (markets.Length > 0)
        {
            var bars = markets.Select((m, i) => new Bar
            {
                Position = i,
                Value = (double)m.Total,
                FillColor = m.Total >= 0m ? Gain : Loss,
                LineWidth = 0,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plot.Axes.Left.SetTicks(
                markets.Select((_, i) => (double)i).ToArray(),
                markets.Select(m => Shorten(m.Question, 42)).ToArray());
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Add.VerticalLine(0, 1, Colors.Gray);
            plot.Axes.Margins(left: 0.05, right: 0.05, bottom: 0.02, top: 0.02);
        }
        else
        {
            NoData(plot, "No trade yet");
        }

        return Png(plot);
    }

    /// <summary>
    /// At most <see cref="MarketsShown"/> markets, worst at the bottom: every market when they fit,
    /// else the best half and the worst half, so that losses show even when a few wins are larger.
    /// </summary>
    private static MarketPnl[] Extremes(IReadOnlyList<MarketPnl> markets)
    {
        var byTotal = markets.OrderBy(m => m.Total).ThenBy(m => m.MarketId.Value, StringComparer.Ordinal).ToArray();
        if (byTotal.Length <= MarketsShown)
        {
            return byTotal;
        }

        var worst = MarketsShown / 2;
        return [.. byTotal.Take(worst), .. byTotal.TakeLast(MarketsShown - worst)];
    }

    private static byte[] CalibrationChart(TradingReport report)
    {
        var plot = NewPlot("Calibration: entry price against outcome");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";
        var buckets = report.Performance.Calibration.Where(b => b.Positions > 0).ToArray();
        if (buckets.Length > 0)
        {
            var bars = buckets.Select(b => new Bar
            {
                Position = (double)((b.From + b.To) / 2m),
                Value = (double)b.MeanOutcome!.Value,
                Size = (double)(b.To - b.From) * 0.8,
                FillColor = Accent.WithAlpha(0.55),
                LineWidth = 0,
                Label = b.Positions.ToString(CultureInfo.InvariantCulture),
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.ValueLabelStyle.FontName = FontName;
            plottable.LegendText = "mean outcome (label: positions)";
            var entries = plot.Add.ScatterPoints(
                buckets.Select(b => (double)b.MeanEntryPrice!.Value).ToArray(),
                buckets.Select(b => (double)b.MeanOutcome!.Value).ToArray());
            entries.Color = Loss;
            entries.MarkerSize = 8;
            entries.LegendText = "mean entry price";
        }

        plot.Axes.SetLimits(0, 1, 0, 1.08);
        plot.XLabel("entry price");
        plot.YLabel("settled at (1 won, 0 lost, 0.5 void)");
        plot.ShowLegend(Alignment.UpperLeft);
        return Png(plot);
    }

    /// <summary>A plot in the reports' look (the bundled font, registered on first use; title, grid, white background), for other charts such as the sweep's heat map.</summary>
    internal static Plot StyledPlot(string title)
    {
        _ = FontsRegistered.Value;
        return NewPlot(title);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 16);
        plot.Grid.MajorLineColor = Color.FromHex("#e5e7eb");
        plot.FigureBackground.Color = Colors.White;
        return plot;
    }

    private static void NoData(Plot plot, string text)
    {
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontName = FontName;
        label.LabelFontSize = 18;
        label.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
    }

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static bool RegisterFonts()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        Fonts.AddFontFile(FontName, Path.Combine(folder, "DejaVuSans.ttf"), bold: false, italic: false);
        Fonts.AddFontFile(FontName, Path.Combine(folder, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
        Fonts.Default = FontName;
        return true;
    }
}
