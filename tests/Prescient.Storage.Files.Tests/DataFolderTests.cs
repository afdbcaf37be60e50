using Prescient.Testing;

namespace Prescient.Storage.Files.Tests;

public sealed class DataFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Paths_UnderRoot_FollowTheFileContract()
    {
        var folder = new DataFolder(_temp.Path);
        var day = new DateOnly(2026, 11, 5);

        string Relative(string path) => Path.GetRelativePath(_temp.Path, path).Replace('\\', '/');

        Assert.Equal("events/raw_events_backup.json", Relative(folder.RawEvents));
        Assert.Equal("events/filtered_events.json", Relative(folder.FilteredEvents));
        Assert.Equal("events/filtered_markets.json", Relative(folder.FilteredMarkets));
        Assert.Equal("markets/market_cache.json", Relative(folder.MarketCache));
        Assert.Equal("markets/daily_prices_2026-11-05.json", Relative(folder.DailyPrices(day)));
        Assert.Equal("trades/current_signals.json", Relative(folder.CurrentSignals));
        Assert.Equal("trades/paper_trades.json", Relative(folder.PaperTrades));
        Assert.Equal("trades/portfolio.json", Relative(folder.Portfolio));
        Assert.Equal("history/portfolio_history.json", Relative(folder.PortfolioHistory));
        Assert.Equal("history/signals_archive_2026-11.json", Relative(folder.SignalsArchive(day)));
        Assert.Equal("logs/trading_log_2026-11-05.txt", Relative(folder.TradingLog(day)));
        Assert.Equal("exports/events_filtered.csv", Relative(folder.Export("events_filtered")));
        Assert.Equal("exports/markets_current.csv", Relative(folder.Export("markets_current.csv")));
        Assert.Equal(".prescient.lock", Relative(folder.LockFile));
    }

    [Fact]
    public void Constructor_RelativeRoot_IsMadeAbsolute()
    {
        var folder = new DataFolder("data");

        Assert.True(Path.IsPathFullyQualified(folder.Root));
        Assert.Equal(Path.GetFullPath("data"), folder.Root);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("sub/name")]
    [InlineData(".hidden")]
    [InlineData(" ")]
    public void Export_NameLeavingExportsFolder_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => new DataFolder(_temp.Path).Export(name));

    [Fact]
    public void CreateDirectories_FreshRoot_CreatesEveryContractFolder()
    {
        var folder = new DataFolder(Path.Combine(_temp.Path, "data"));

        folder.CreateDirectories();

        Assert.All(new[] { "events", "markets", "trades", "history", "exports", "logs" },
            name => Assert.True(Directory.Exists(Path.Combine(folder.Root, name)), name));
    }
}
