using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;
using Prescient.Storage.Files.Markets;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Markets;

public sealed class FileMarketDataStoreTests : DataFolderTest
{
    [Fact]
    public async Task EventsWriter_ExtractStage_MarketsReadBackExactly()
    {
        var written = TestData.Markets(TestData.Row(), TestData.Row("Second \"question\", with 🚀") with { YesTokenId = null, BestBid = null });
        var writer = await Store.BeginEventsAsync(Runs.Events(EventsStage.Extract), CancellationToken.None);
        await using (writer)
        {
            var marketEvent = TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json")[0];
            await writer.AddAsync(marketEvent, kept: true, written.Markets, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        var read = await Store.ReadMarketsAsync(CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(written.GeneratedAt, read.GeneratedAt);
        Assert.Equal(MarketSourceInfo.Sample, read.Source);
        Assert.Equal(Serialize(written.Markets), Serialize(read.Markets));
        var row = read.Markets[0];
        Assert.Equal(0.3m, row.YesPrice);
        Assert.Equal(0.1234567890123456789012345678m, row.Volume);
        Assert.Equal(79228162514264337593543950335m, row.Volume24h);
        Assert.Equal(TestData.YesToken, row.YesTokenId?.Value);
        Assert.Null(read.Markets[1].YesTokenId);
        Assert.Null(read.Markets[1].BestBid);
    }

    [Fact]
    public async Task QuotesWriter_Committed_ReadBackExactlyWithNullSides()
    {
        var written = TestData.Quotes(TestData.Quote(), TestData.Quote(TestData.NoToken, "No") with { HasBook = false, BestBid = null, Bids = [] });

        await Runs.CommitQuotesAsync(Store, written);
        var read = await Store.ReadQuotesAsync(CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(MarketSourceInfo.Live, read.Source);
        Assert.Equal(Serialize(written.Quotes), Serialize(read.Quotes));
        Assert.Equal([0.515m, 0.51m], read.Quotes[0].Bids.Select(l => l.Price));
        Assert.Null(read.Quotes[0].BestAsk);
        Assert.Equal(0.1234567890123456789012345678m, read.Quotes[0].LastTradePrice);
        Assert.Equal(TimeSpan.Zero, read.Quotes[0].BookTimestamp!.Value.Offset);
    }

    [Fact]
    public async Task QuotesWriter_Envelope_SnakeCaseKeysCountAfterTheItems()
    {
        await Runs.CommitQuotesAsync(Store, TestData.Quotes(TestData.Quote()));

        var root = await ReadNodeAsync(Folder.MarketCache);

        Assert.Equal(["generated_at", "source", "simulated", "quotes", "count"], root.Select(p => p.Key));
        Assert.Equal("2026-11-25T09:55:51.123Z", (string?)root["generated_at"]);
        Assert.Equal("live", (string?)root["source"]);
        Assert.False((bool)root["simulated"]!);
        Assert.Equal(1, (int)root["count"]!);
        var quote = root["quotes"]![0]!.AsObject();
        Assert.Equal(
            ["token_id", "condition_id", "market_id", "event_id", "question", "outcome", "has_book", "best_bid", "best_ask", "mid", "spread", "bids", "asks", "tick_size", "min_order_size", "last_trade_price", "book_timestamp"],
            quote.Select(p => p.Key));
        Assert.Equal(JsonValueKind.String, quote["token_id"]!.GetValueKind());
        Assert.True(quote.ContainsKey("best_ask"));
        Assert.Null(quote["best_ask"]);
        Assert.Equal(JsonValueKind.Number, quote["best_bid"]!.GetValueKind());
        Assert.Equal("""{"price":0.515,"size":1000.25}""", quote["bids"]![0]!.ToJsonString());
        Assert.Equal("2026-11-25T09:55:51.987Z", (string?)quote["book_timestamp"]);
    }

    [Fact]
    public async Task EventsWriter_FixtureEventsSomeDropped_EveryUpstreamObjectWrittenWholeToRaw()
    {
        var events = TestData.FixtureEvents("gamma/events_default_page_2021_resolved.json");

        var kept = events.Where((_, i) => i % 3 == 0).Select(e => e.Id.Value).ToArray();

        await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.Filter), events, e => kept.Contains(e.Id.Value));

        var root = await ReadNodeAsync(Folder.RawEvents);
        Assert.Equal(["generated_at", "source", "simulated", "events", "count"], root.Select(p => p.Key));
        Assert.Equal("sample", (string?)root["source"]);
        Assert.True((bool)root["simulated"]!);
        Assert.Equal(10, (int)root["count"]!);
        var original = Fixtures.Json("gamma/events_default_page_2021_resolved.json");
        Assert.True(JsonNode.DeepEquals(original, root["events"]), "events differ from the upstream objects");
        var filtered = await ReadNodeAsync(Folder.FilteredEvents);
        Assert.Equal(kept.Length, (int)filtered["count"]!);
        Assert.Equal(kept, filtered["events"]!.AsArray().Select(e => (string?)e!["id"]));
        Assert.False(File.Exists(Folder.FilteredMarkets), "the filter stage extracts no markets");
    }

    [Fact]
    public async Task EventsWriter_Options_FiltersWrittenWithTheirValues()
    {
        var events = TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json");
        var filters = new TradingFilterOptions { MinLiquidity = 2500.50m, IncludeTags = ["politics"] };

        await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.Filter, MarketSourceInfo.Live, filters), events);

        var root = await ReadNodeAsync(Folder.FilteredEvents);
        Assert.Equal(["generated_at", "source", "simulated", "filters", "events", "count"], root.Select(p => p.Key));
        Assert.Equal(1, (int)root["count"]!);
        var written = root["filters"]!.AsObject();
        Assert.Equal("2500.50", written["min_liquidity"]!.ToJsonString());
        Assert.Equal("10000", written["min_volume"]!.ToJsonString());
        Assert.Equal("""["politics"]""", written["include_tags"]!.ToJsonString());
        Assert.True((bool)written["require_active"]!);
        Assert.Equal("30829", (string?)root["events"]![0]!["id"]);
    }

    [Fact]
    public async Task QuotesWriter_TwoRunsSameUtcDay_DailyPricesWrittenOnceWithFirstPrices()
    {
        var day = new DateOnly(2026, 11, 25);
        var first = TestData.Quotes(TestData.Quote());

        // 22:00 at UTC-1 is 23:00 UTC: still 25 November, where the daily file is.
        var later = TestData.Quotes(TestData.Quote() with { BestBid = 0.9m }) with { GeneratedAt = new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.FromHours(-1)) };
        var nextDay = later with { GeneratedAt = new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero) };

        var firstCommit = await Runs.CommitQuotesAsync(Store, first);
        var laterCommit = await Runs.CommitQuotesAsync(Store, later);
        var nextDayCommit = await Runs.CommitQuotesAsync(Store, nextDay);

        Assert.True(firstCommit.DailyPricesWritten);
        Assert.Contains(Folder.DailyPrices(day), firstCommit.FilesWritten);
        Assert.False(laterCommit.DailyPricesWritten);
        Assert.DoesNotContain(Folder.DailyPrices(day), laterCommit.FilesWritten);
        Assert.True(nextDayCommit.DailyPricesWritten);
        Assert.Equal(0.9m, (decimal)(await ReadNodeAsync(Folder.MarketCache))["quotes"]![0]!["best_bid"]!);
        var root = await ReadNodeAsync(Folder.DailyPrices(day));
        Assert.Equal(["date", "generated_at", "source", "simulated", "prices", "count"], root.Select(p => p.Key));
        Assert.Equal("2026-11-25", (string?)root["date"]);
        var price = root["prices"]![0]!.AsObject();
        Assert.Equal(
            ["token_id", "condition_id", "market_id", "event_id", "outcome", "best_bid", "best_ask", "mid", "spread", "last_trade_price", "book_timestamp"],
            price.Select(p => p.Key));
        Assert.Equal(0.515m, (decimal)price["best_bid"]!);
        Assert.Null(price["best_ask"]);
        Assert.Equal(0.9m, (decimal)(await ReadNodeAsync(Folder.DailyPrices(day.AddDays(1))))["prices"]![0]!["best_bid"]!);
    }

    [Fact]
    public async Task Read_NoFiles_ReturnNull()
    {
        Assert.Null(await Store.ReadMarketsAsync(CancellationToken.None));
        Assert.Null(await Store.ReadQuotesAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"generated_at": "2026-11-25T09:55:51Z", "source": "sample", "simulated": true, "count": 1, "markets": [""")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"generated_at": "2026-11-25T09:55:51Z", "source": "sample", "simulated": true, "count": 2, "markets": []}""")]
    [InlineData("""{"generated_at": "2026-11-25T09:55:51Z", "source": "sample", "simulated": true, "count": 0}""")]
    [InlineData("""{"generated_at": "2026-11-25T09:55:51Z", "source": "sample", "simulated": true, "count": 1, "markets": [{"event_id": 30829}]}""")]
    public async Task ReadMarkets_CorruptFile_ThrowsInvalidDataNamingTheFile(string content)
    {
        Directory.CreateDirectory(Folder.EventsDirectory);
        await File.WriteAllTextAsync(Folder.FilteredMarkets, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadMarketsAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot read {Folder.FilteredMarkets}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ReadQuotes_EmptyTokenId_ThrowsInvalidData()
    {
        await Runs.CommitQuotesAsync(Store, TestData.Quotes(TestData.Quote()));
        var text = await File.ReadAllTextAsync(Folder.MarketCache);
        await File.WriteAllTextAsync(Folder.MarketCache, text.Replace(TestData.YesToken, " ", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadQuotesAsync(CancellationToken.None));

        Assert.Contains(Folder.MarketCache, error.Message, StringComparison.Ordinal);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, PrescientJson.Options);

    private static async Task<JsonObject> ReadNodeAsync(string path) =>
        JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
}
