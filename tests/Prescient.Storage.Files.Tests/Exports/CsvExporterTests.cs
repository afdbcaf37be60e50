using System.Globalization;
using System.Text;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Exports;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Exports;

public sealed class CsvExporterTests : DataFolderTest
{
    [Fact]
    public async Task ExportExtractedMarkets_HostileText_ReadBackAsNeutralisedText()
    {
        var rows = CsvFiles.Hostile.Select(q => TestData.Row(q) with { EventTitle = q, Spread = -0.02m }).ToArray();

        var path = await Exporter.ExportExtractedMarketsAsync(TestData.Markets(rows), CancellationToken.None);

        var table = CsvFiles.Read(path);
        var expected = CsvFiles.Neutralised;
        Assert.Equal(expected, table.Column("question"));
        Assert.Equal(expected, table.Column("event_title"));
        Assert.All(table.Column("spread"), cell => Assert.Equal("-0.02", cell));
        Assert.All(table.Rows, row => Assert.Equal(table.Header.Count, row.Length));
    }

    [Fact]
    public async Task ExportExtractedMarkets_Row_EveryFieldWithIdsAsTextAndSourceLabel()
    {
        var path = await Exporter.ExportExtractedMarketsAsync(TestData.Markets(TestData.Row()), CancellationToken.None);

        var table = CsvFiles.Read(path);
        Assert.Equal(
            ["event_id", "event_slug", "event_title", "market_id", "condition_id", "question", "market_slug", "group_item_title", "outcomes",
             "yes_token_id", "no_token_id", "yes_price", "no_price", "best_bid", "best_ask", "spread", "last_trade_price", "liquidity", "volume",
             "volume_24h", "end_date", "active", "closed", "accepting_orders", "enable_order_book", "neg_risk", "neg_risk_market_id", "tick_size",
             "min_order_size", "fees_enabled", "fee_type", "fee_rate", "fee_exponent", "maker_base_fee", "taker_base_fee", "uma_resolution_status",
             "is_quotable", "source"],
            table.Header);
        var row = table.Rows.Single().Zip(table.Header).ToDictionary(p => p.Second, p => p.First);
        Assert.Equal(TestData.YesToken, row["yes_token_id"]);
        Assert.Equal(TestData.NoToken, row["no_token_id"]);
        Assert.Equal("Yes;No", row["outcomes"]);
        Assert.Equal("0.3", row["yes_price"]);
        Assert.Equal("0.1234567890123456789012345678", row["volume"]);
        Assert.Equal("79228162514264337593543950335", row["volume_24h"]);
        Assert.Equal("", row["last_trade_price"]);
        Assert.Equal("2028-11-07T00:00:00Z", row["end_date"]);
        Assert.Equal("true", row["neg_risk"]);
        Assert.Equal("true", row["is_quotable"]);
        Assert.Equal("simulated", row["source"]);
        Assert.Contains("," + TestData.YesToken + ",", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCurrentMarkets_CommaDecimalCulture_NumbersStayInvariant()
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CsvFiles.CommaCulture();
        try
        {
            Assert.Equal("1,5", 1.5m.ToString(CultureInfo.CurrentCulture));

            var path = await Exporter.ExportCurrentMarketsAsync(TestData.Quotes(TestData.Quote()), CancellationToken.None);

            var table = CsvFiles.Read(path);
            Assert.Equal(
                ["token_id", "condition_id", "market_id", "event_id", "question", "outcome", "has_book", "best_bid", "best_ask", "mid", "spread",
                 "bid_levels", "ask_levels", "bid_depth_shares", "ask_depth_shares", "tick_size", "min_order_size", "last_trade_price",
                 "book_timestamp", "source"],
                table.Header);
            var row = table.Rows.Single().Zip(table.Header).ToDictionary(p => p.Second, p => p.First);
            Assert.Equal("0.515", row["best_bid"]);
            Assert.Equal("", row["best_ask"]);
            Assert.Equal("2", row["bid_levels"]);
            Assert.Equal("1234.50", row["bid_depth_shares"]);
            Assert.Equal("0", row["ask_depth_shares"]);
            Assert.Equal("0.1234567890123456789012345678", row["last_trade_price"]);
            Assert.Equal("2026-11-25T09:55:51.987Z", row["book_timestamp"]);
            Assert.Equal("live", row["source"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public async Task Export_AnyFile_Utf8BomCrlfOneHeaderNoTempLeft()
    {
        var path = await Exporter.ExportCurrentMarketsAsync(TestData.Quotes(TestData.Quote(), TestData.Quote(TestData.NoToken, "No")), CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("token_id,condition_id,", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("\r\n").Length - 1);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Equal([path], Directory.GetFiles(Folder.ExportsDirectory));
    }

    [Fact]
    public async Task ExportFilteredEvents_Events_KeyColumnsCountsAndTags()
    {
        var events = TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json")
            .Select(e => e with
            {
                Title = "=1+1",
                Volume24h = 1234.5m,
                EndDate = new DateTimeOffset(2028, 11, 7, 5, 0, 0, TimeSpan.FromHours(5)),
                Tags = [new Tag("101206", "world-elections", "World Elections"), new Tag("2", "politics", null)],
                Markets = [Market("1", closed: false), Market("2", closed: true), Market("3", closed: false)],
            })
            .ToArray();
        var snapshot = new FilteredEventsSnapshot(TestData.GeneratedAt, MarketSourceInfo.Sample, new TradingFilterOptions(), events);

        var path = await Exporter.ExportFilteredEventsAsync(snapshot, CancellationToken.None);

        var table = CsvFiles.Read(path);
        Assert.Equal(Path.Combine(Folder.ExportsDirectory, "events_filtered.csv"), path);
        Assert.Equal(
            ["event_id", "slug", "title", "liquidity", "volume", "volume_24h", "end_date", "market_count", "open_market_count", "neg_risk", "tags", "source"],
            table.Header);
        Assert.Equal(
            ["30829", "democratic-presidential-nominee-2028", "'=1+1", events[0].Liquidity!.Value.ToString(CultureInfo.InvariantCulture),
             events[0].Volume!.Value.ToString(CultureInfo.InvariantCulture), "1234.5", "2028-11-07T00:00:00Z", "3", "2", "true",
             "World Elections;politics", "simulated"],
            table.Rows.Single());
    }

    private static Market Market(string id, bool closed) => new()
    {
        Id = MarketId.Create(id),
        EventId = EventId.Create("30829"),
        ConditionId = ConditionId.Create("0x" + id),
        Question = "Q" + id,
        Closed = closed,
    };
}
