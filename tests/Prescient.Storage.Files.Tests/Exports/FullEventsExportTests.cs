using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.Markets;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Exports;

public sealed class FullEventsExportTests : DataFolderTest
{
    [Fact]
    public async Task ExportFullEvents_RecordedEventsWithDisjointAndNestedKeys_UnionHeaderAndAlignedRows()
    {
        var events = RecordedEvents();

        var path = await Exporter.ExportFullEventsAsync(Snapshot(events), CancellationToken.None);

        AssertUnionExport(path, events);
    }

    [Fact]
    public async Task EventsWriter_AllStageWithDisjointAndNestedKeys_UnionHeaderAndAlignedRows()
    {
        var events = RecordedEvents();

        // Dropped events are in the full export too: it covers every discovered event.
        var files = await Runs.CommitEventsAsync(new FileMarketDataStore(Folder), Runs.Events(EventsStage.All), events, e => e.NegRisk);

        var path = Path.Combine(Folder.ExportsDirectory, "events_full_20261125_095551.csv");
        Assert.Contains(path, files);
        AssertUnionExport(path, events);
        Runs.AssertNoTempFiles(Folder.Root);
    }

    private static void AssertUnionExport(string path, IReadOnlyList<MarketEvent> events)
    {
        var table = CsvFiles.Read(path);
        Assert.Equal(ExpectedHeader(events), table.Header);
        Assert.Equal(events.Count, table.Rows.Count);
        Assert.All(table.Rows, row => Assert.Equal(table.Header.Count, row.Length));
        Assert.Equal(events.Select(e => e.Id.Value), table.Column("id"));

        // Keys only some events have: 'series' (not in 2893), 'negRiskMarketID' (only the neg-risk event).
        Assert.Equal("", table.Column("series")[3]);
        Assert.StartsWith("[{", table.Column("series")[0], StringComparison.Ordinal);
        Assert.Equal(events[11].Raw.GetProperty("negRiskMarketID").GetString(), table.Column("negRiskMarketID")[11]);
        Assert.All(table.Column("negRiskMarketID").Take(11), cell => Assert.Equal("", cell));
        Assert.Equal(["", "", "", "", "", "", "", "", "", "", "", "only here"], table.Column("prescientTestOnlyHere"));

        // The nested object, flattened: numbers as received (a negative stays negative), text neutralised.
        var micro = table.Rows[10].Zip(table.Header).ToDictionary(p => p.Second, p => p.First);
        Assert.Equal("96234.5", micro["eventMetadata.priceToBeat"]);
        Assert.Equal("-1.25", micro["eventMetadata.finalPrice"]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", micro["eventMetadata.league"]);
        Assert.Equal("", micro["eventMetadata.gridSeriesId"]);
        Assert.Equal("{}", micro["eventMetadata.context"]);
        Assert.All(table.Column("eventMetadata.priceToBeat").Where((_, i) => i != 10), cell => Assert.Equal("", cell));

        // Arrays stay whole as compact JSON: the markets array, with its token ids as text.
        for (var i = 0; i < events.Count; i++)
        {
            using var markets = JsonDocument.Parse(table.Column("markets")[i]);
            Assert.True(JsonElement.DeepEquals(events[i].Raw.GetProperty("markets"), markets.RootElement), $"markets of row {i}");
        }

        Assert.Contains(TestData.YesToken, table.Column("markets")[11], StringComparison.Ordinal);
        Assert.All(table.Column("source"), cell => Assert.Equal("simulated", cell));
    }

    [Fact]
    public async Task ExportFullEvents_GeneratedAtWithOffset_FileNamedFromUtcTime()
    {
        var snapshot = new EventsSnapshot(
            new DateTimeOffset(2026, 11, 25, 1, 30, 5, TimeSpan.FromHours(-8)),
            MarketSourceInfo.Live,
            TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json"));

        var path = await Exporter.ExportFullEventsAsync(snapshot, CancellationToken.None);

        Assert.Equal(Path.Combine(Folder.ExportsDirectory, "events_full_20261125_093005.csv"), path);
        Assert.Equal(["live"], CsvFiles.Read(path).Column("source"));
    }

    [Fact]
    public async Task ExportFullEvents_UpstreamKeyNamedSource_OurLabelGetsDistinctColumn()
    {
        var raw = new JsonObject { ["id"] = "1", ["source"] = "upstream" };

        var path = await Exporter.ExportFullEventsAsync(Snapshot([TestData.Event(raw)]), CancellationToken.None);

        var table = CsvFiles.Read(path);
        Assert.Equal(["id", "source", "prescient_source"], table.Header);
        Assert.Equal(["1", "upstream", "simulated"], table.Rows.Single());
    }

    /// <summary>
    /// The three recorded Gamma events files (12 events). The 2026 event gets an
    /// <c>eventMetadata</c> object shaped as in schema/shape_gamma__events.json, and the last one
    /// a field no other event has.
    /// </summary>
    private static IReadOnlyList<MarketEvent> RecordedEvents()
    {
        var events = TestData.FixtureEvents("gamma/events_default_page_2021_resolved.json")
            .Concat(TestData.FixtureEvents("gamma/events_active_limit1_microstrategy_2026-02.json"))
            .Concat(TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json"))
            .ToArray();
        var micro = JsonObject.Create(events[10].Raw)!;
        micro["eventMetadata"] = JsonNode.Parse(
            """{"priceToBeat": 96234.5, "finalPrice": -1.25, "league": "=HYPERLINK(\"http://x\")", "gridSeriesId": null, "context": {}}""");
        events[10] = events[10] with { Raw = micro.ToElement() };
        var dem = JsonObject.Create(events[11].Raw)!;
        dem["prescientTestOnlyHere"] = "only here";
        events[11] = events[11] with { Raw = dem.ToElement() };
        return events;
    }

    /// <summary>The union of leaf keys in first-seen order, computed here independently of the exporter.</summary>
    private static IReadOnlyList<string> ExpectedHeader(IReadOnlyList<MarketEvent> events)
    {
        var header = new List<string>();
        foreach (var e in events)
        {
            foreach (var property in e.Raw.EnumerateObject())
            {
                var names = property.Name == "eventMetadata"
                    ? property.Value.EnumerateObject().Select(p => "eventMetadata." + p.Name)
                    : [property.Name];
                header.AddRange(names.Where(n => !header.Contains(n)));
            }
        }

        header.Add("source");
        return header;
    }

    [Fact]
    public async Task ExportFullEvents_NineDailyRuns_KeepsTheSevenNewest()
    {
        var events = new[] { TestData.Event(new System.Text.Json.Nodes.JsonObject { ["id"] = "1", ["title"] = "T" }) };
        var days = Enumerable.Range(0, 9).Select(d => TestData.GeneratedAt.AddDays(d)).ToArray();

        foreach (var day in days)
        {
            await Exporter.ExportFullEventsAsync(new EventsSnapshot(day, MarketSourceInfo.Sample, events), CancellationToken.None);
        }

        var kept = Directory.GetFiles(Folder.ExportsDirectory, "events_full_*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var expected = days.Skip(2).Select(d => "events_full_" + d.UtcDateTime.ToString("yyyyMMdd_HHmmss", System.Globalization.CultureInfo.InvariantCulture) + ".csv");
        Assert.Equal(expected, kept);
    }

    private static EventsSnapshot Snapshot(IReadOnlyList<MarketEvent> events) =>
        new(TestData.GeneratedAt, MarketSourceInfo.Sample, events);
}
