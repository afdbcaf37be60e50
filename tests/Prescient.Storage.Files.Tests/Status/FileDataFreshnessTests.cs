using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Status;
using Prescient.Storage.Files.Trading;

namespace Prescient.Storage.Files.Tests.Status;

public sealed class FileDataFreshnessTests : DataFolderTest
{
    [Fact]
    public async Task ReadAsync_FreshFolder_EveryStateFileListedWithoutATimeOrAProblem()
    {
        var files = await new FileDataFreshness(Folder).ReadAsync(CancellationToken.None);

        Assert.Equal(
            ["events/filtered_markets.json", "markets/market_cache.json", "trades/current_signals.json", "trades/portfolio.json"],
            files.Select(f => f.File));
        Assert.All(files, f => Assert.Equal((null, null, null), (f.GeneratedAt, f.Source, f.Problem)));
    }

    [Fact]
    public async Task ReadAsync_FilesWrittenByTheStores_TheirGeneratedAtAndSource()
    {
        await Runs.CommitQuotesAsync(Store, TestData.Quotes(TestData.Quote()));
        var portfolio = TradingData.Portfolio() with { GeneratedAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero) };
        await new FileTradingStore(Folder).WritePortfolioAsync(portfolio, CancellationToken.None);

        var files = await new FileDataFreshness(Folder).ReadAsync(CancellationToken.None);

        var cache = files.Single(f => f.File == "markets/market_cache.json");
        Assert.Equal(TestData.GeneratedAt, cache.GeneratedAt);
        Assert.Equal("live", cache.Source);
        Assert.Equal(portfolio.GeneratedAt, files.Single(f => f.File == "trades/portfolio.json").GeneratedAt);
    }

    [Fact]
    public async Task ReadAsync_HeaderFirstThenDamage_ReadsTheHeaderWithoutTheRest()
    {
        // A header followed by 200 KB of unterminated content: the scan stops at the header.
        var body = "{\n  \"generated_at\": \"2026-03-02T09:00:00Z\",\n  \"source\": \"live\",\n  \"markets\": [" + new string(' ', 200_000) + "{\"x\": ";
        Directory.CreateDirectory(Folder.EventsDirectory);
        await File.WriteAllTextAsync(Folder.FilteredMarkets, body);

        var file = (await new FileDataFreshness(Folder).ReadAsync(CancellationToken.None))[0];

        Assert.Equal((new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), "live", null), (file.GeneratedAt, file.Source, file.Problem));
    }

    [Fact]
    public async Task ReadAsync_HeaderAfterALongValue_StillFound()
    {
        var body = "{\"note\": \"" + new string('x', 100_000) + "\", \"list\": [1, [2, {\"generated_at\": \"1999-01-01T00:00:00Z\"}]], \"generated_at\": \"2026-03-02T10:15:00+01:00\"}";
        Directory.CreateDirectory(Folder.TradesDirectory);
        await File.WriteAllTextAsync(Folder.Portfolio, body);

        var file = (await new FileDataFreshness(Folder).ReadAsync(CancellationToken.None))[3];

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), file.GeneratedAt);
        Assert.Equal(TimeSpan.Zero, file.GeneratedAt!.Value.Offset);
        Assert.Null(file.Source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{\"generated_at\": \"yesterday\"}")]
    [InlineData("{\"generated_at\": ")]
    [InlineData("{\"source\": \"sample\"}")]
    public async Task ReadAsync_UnusableFile_ReportedAsAProblemNamingTheFile(string content)
    {
        Directory.CreateDirectory(Folder.TradesDirectory);
        await File.WriteAllTextAsync(Folder.CurrentSignals, content);

        var files = await new FileDataFreshness(Folder).ReadAsync(CancellationToken.None);

        var signals = files.Single(f => f.File == "trades/current_signals.json");
        Assert.Null(signals.GeneratedAt);
        Assert.False(string.IsNullOrEmpty(signals.Problem));
        Assert.All(files.Where(f => f != signals), f => Assert.Null(f.Problem));
    }

    [Fact]
    public void AddFileStorage_RegistersTheFileFreshness()
    {
        using var services = new ServiceCollection().AddFileStorage(Folder.Root).BuildServiceProvider();

        Assert.IsType<FileDataFreshness>(services.GetRequiredService<IDataFreshness>());
    }
}
