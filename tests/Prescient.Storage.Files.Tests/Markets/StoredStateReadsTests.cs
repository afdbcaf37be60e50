using System.Text.Json;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Storage.Files.Markets;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Markets;

/// <summary>What the end of day and export-all read and write from the stored market data: filtered events back raw, daily prices from the cache.</summary>
public sealed class StoredStateReadsTests : DataFolderTest
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public async Task ReadFilteredEventsAsync_NothingYet_Null()
    {
        Assert.Null(await Store.ReadFilteredEventsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadFilteredEventsAsync_AfterAnEventsRun_KeptObjectsWholeWithSourceAndFilters()
    {
        var events = TestData.FixtureEvents("gamma/events_default_page_2021_resolved.json");
        var filters = new TradingFilterOptions { MinLiquidity = 2_500.50m, IncludeTags = ["politics"] };
        await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.Filter, MarketSourceInfo.Live, filters), events, e => e != events[0]);

        var stored = await Store.ReadFilteredEventsAsync(CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(TestData.GeneratedAt, stored.GeneratedAt);
        Assert.Equal(MarketSourceInfo.Live, stored.Source);
        Assert.Equal(2_500.50m, stored.Filters.MinLiquidity);
        Assert.Equal(["politics"], stored.Filters.IncludeTags);
        Assert.Equal(events.Skip(1).Select(e => Compact(e.Raw)), stored.Events.Select(Compact));
    }

    [Fact]
    public async Task ReadFilteredEventsAsync_CountContradictsTheList_InvalidDataNamingTheFile()
    {
        await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.Filter), TestData.FixtureEvents("gamma/events_default_page_2021_resolved.json"));
        var text = await File.ReadAllTextAsync(Folder.FilteredEvents);
        var count = JsonDocument.Parse(text).RootElement.GetProperty("count").GetInt32();
        await File.WriteAllTextAsync(Folder.FilteredEvents, text.Replace($"\"count\": {count}", $"\"count\": {count + 1}", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadFilteredEventsAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot read {Folder.FilteredEvents}: count says {count + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteDailyPricesAsync_NoFileForTheDay_SameBytesAsTheFirstQuotesRunOfTheDayWrites()
    {
        var quotes = TestData.Quotes(TestData.Quote(), TestData.Quote(TestData.NoToken, "No") with { BestBid = null, HasBook = false });
        using var other = new TempDirectory();
        await Runs.CommitQuotesAsync(new FileMarketDataStore(new DataFolder(other.Path)), quotes);

        var path = await Store.WriteDailyPricesAsync(quotes, CancellationToken.None);

        Assert.Equal(Folder.DailyPrices(Day), path);
        Assert.Equal(await File.ReadAllBytesAsync(new DataFolder(other.Path).DailyPrices(Day)), await File.ReadAllBytesAsync(path!));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    [Fact]
    public async Task WriteDailyPricesAsync_DayAlreadyHasItsFile_KeptByteForByteAndNull()
    {
        await Runs.CommitQuotesAsync(Store, TestData.Quotes(TestData.Quote()));
        var before = await File.ReadAllBytesAsync(Folder.DailyPrices(Day));

        var path = await Store.WriteDailyPricesAsync(TestData.Quotes(TestData.Quote() with { BestBid = 0.9m }), CancellationToken.None);

        Assert.Null(path);
        Assert.Equal(before, await File.ReadAllBytesAsync(Folder.DailyPrices(Day)));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
