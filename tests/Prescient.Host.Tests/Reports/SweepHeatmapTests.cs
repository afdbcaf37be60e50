using System.Buffers.Binary;
using Prescient.Engine.Backtest;
using Prescient.Engine.Sweeps;
using Prescient.Reports;

namespace Prescient.Host.Tests.Reports;

public sealed class SweepHeatmapTests
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(new[] { "threshold=0.5:0.9:0.05", "stake=50,100" }, "every")]
    [InlineData(new[] { "threshold=0.5:0.9:0.05", "stake=50,100" }, "some")]
    [InlineData(new[] { "threshold=0.5:0.9:0.05", "stake=50,100" }, "none")]
    [InlineData(new[] { "threshold=0.5:0.9:0.05", "stake=50,100" }, "same")]
    [InlineData(new[] { "stake=10,20,30" }, "every")]
    [InlineData(new[] { "threshold=0.5,0.6", "stake=50,100", "max_spread=0.05,0.1" }, "some")]
    public void Draw_AnyGrid_IsAPngOfTheDocumentedSize(string[] specs, string values)
    {
        var result = Result(SweepGrid.Parse(specs, "threshold"), values);

        var png = SweepHeatmap.Draw(result);

        Assert.True(png.AsSpan().StartsWith(PngMagic), "PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(SweepHeatmap.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(SweepHeatmap.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.True(png.Length > 5_000, $"{png.Length} bytes");
    }

    [Fact]
    public void Draw_DifferentFigures_DifferentPictures()
    {
        var grid = SweepGrid.Parse(["threshold=0.5:0.9:0.05", "stake=50,100"], "threshold");

        Assert.NotEqual(SweepHeatmap.Draw(Result(grid, "every")), SweepHeatmap.Draw(Result(grid, "same")));
    }

    /// <summary>A sweep result whose Sharpe is the point's number for <c>every</c> point, for every other one (<c>some</c>), none, or the same everywhere.</summary>
    internal static SweepResult Result(SweepGrid grid, string values)
    {
        var range = new BacktestRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        SweepFigures Figures(int i) => new(10_000m + i, i / 100m, null, -0.01m, values switch
        {
            "every" => i / 10m,
            "some" => i % 2 == 0 ? i / 10m : null,
            "same" => 1.5m,
            _ => null,
        }, null, null, null, i, 0m);
        var rows = grid.Points.Select(p => new SweepRow(p, Figures(p.Index), Figures(p.Index), Figures(p.Index), 1, 1)).ToArray();
        return new SweepResult
        {
            Request = new SweepRequest(range, "threshold", grid, SweepMetric.Parse("sharpe"), WalkForwardSplit.Of(range, 0.7m), 2),
            Strategy = "threshold",
            Source = "sample",
            History = "test",
            Step = TimeSpan.FromDays(1),
            InitialCash = 10_000m,
            Markets = 3,
            Rows = rows,
            Overfit = new OverfitCheck(rows[0], 1, rows.Length, null, null),
            PointsHeld = 0,
            Backtests = rows.Length * 3,
            Parallelism = 2,
            Duration = TimeSpan.Zero,
        };
    }
}
