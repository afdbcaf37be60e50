using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Reports;
using Prescient.Sample.Server;

namespace Prescient.Host.Tests.Reports;

/// <summary>The report files of a few days traded against the sample server: the PNGs decode at their size, the page holds the figures and nothing external.</summary>
public sealed class ReportFilesTests
{
    private static readonly DateTimeOffset Morning = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Write_AfterTwoTradingDays_ChartsDecodeAtTheirSize_AndThePageHoldsTheFigures()
    {
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 60, Seed = 11 }, Morning);
        for (var day = 0; day < 2; day++)
        {
            world.Clock.Now = Morning.AddDays(day);
            await world.Services.GetRequiredService<Engine.Cycle.CycleService>().RunAsync(null, CancellationToken.None);
            world.Clock.Now = Morning.AddDays(day).AddHours(9);
            await world.Services.GetRequiredService<Engine.History.EndOfDayService>().RunAsync(CancellationToken.None);
        }

        var service = world.Services.GetRequiredService<ReportService>();
        var files = await service.WriteAsync(CancellationToken.None);
        var report = await service.BuildAsync(CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 1, 6), files.Date);
        Assert.Equal(Path.Combine(world.DataDirectory, "reports", "report_2026-01-06.html"), files.Html);
        Assert.Equal(["calibration", "drawdown", "equity", "pnl_by_market"], files.Charts.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        foreach (var chart in files.Charts)
        {
            Assert.Equal((ReportCharts.Width, ReportCharts.Height), PngSize(await File.ReadAllBytesAsync(chart)));
        }

        var html = await File.ReadAllTextAsync(files.Html);
        Assert.True(report.LedgerRecords > 0, "the sample market trades on day one");
        Assert.Contains(report.Portfolio.Equity.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains($"The last {report.RecentTrades.Count} of {report.LedgerRecords:N0}", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(report.PnlByMarket[0].Question), html, StringComparison.Ordinal);
        Assert.Contains(">simulated</span>", html, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(html, "src=\"data:image/png;base64,"));
        AssertSelfContained(html);
    }

    [Fact]
    public void Render_HostileMarketTitle_IsEncodedAsText()
    {
        const string Hostile = "<img src=x onerror=alert(1)><script>alert(2)</script> Will it rain?";
        var report = ReportSamples.WithTitle(Hostile);

        var html = ReportHtml.Render(report, ReportCharts.Draw(report));

        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt; Will it rain?", html, StringComparison.Ordinal);
        AssertSelfContained(html);
    }

    [Fact]
    public async Task Write_BeforeAnyTrade_WritesAReportOfTheInitialCash()
    {
        await using var world = await SampleWorld.StartAsync(new SampleServerOptions { Events = 60, Seed = 11 }, Morning);

        var files = await world.Services.GetRequiredService<ReportService>().WriteAsync(CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 1, 5), files.Date);
        var html = await File.ReadAllTextAsync(files.Html);
        Assert.Contains("10,000.00", html, StringComparison.Ordinal);
        Assert.Contains("The ledger is empty.", html, StringComparison.Ordinal);
        Assert.All(files.Charts, c => Assert.Equal((ReportCharts.Width, ReportCharts.Height), PngSize(File.ReadAllBytes(c))));
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static void AssertSelfContained(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
