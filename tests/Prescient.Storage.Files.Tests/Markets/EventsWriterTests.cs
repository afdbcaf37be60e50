using System.Text.Json.Nodes;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Storage.Files.Markets;
using Prescient.Storage.Files.Tests.Exports;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Markets;

public sealed class EventsWriterTests : DataFolderTest
{
    private string FullExport => Path.Combine(Folder.ExportsDirectory, "events_full_20261125_095551.csv");

    [Fact]
    public async Task CommitAsync_AllStage_EveryFileValidWithCounts()
    {
        var events = TestData.FixtureEvents("gamma/events_default_page_2021_resolved.json")
            .Concat(TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json"))
            .ToArray();
        var kept = events.Where((_, i) => i % 2 == 1).Select(e => e.Id.Value).ToArray();

        var files = await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.All), events, e => kept.Contains(e.Id.Value));

        Assert.Equal(
            [Folder.RawEvents, Folder.FilteredEvents, Folder.Export("events_filtered"), Folder.FilteredMarkets, Folder.Export("markets_extracted"), FullExport],
            files);
        AssertEnvelope(Folder.RawEvents, "events", events.Length);
        Assert.Equal(kept, AssertEnvelope(Folder.FilteredEvents, "events", kept.Length).Select(e => (string?)e!["id"]));
        Assert.Equal(kept, AssertEnvelope(Folder.FilteredMarkets, "markets", kept.Length).Select(m => (string?)m!["event_id"]));
        Assert.Equal(kept, CsvFiles.Read(Folder.Export("events_filtered")).Column("event_id"));
        Assert.Equal(kept, CsvFiles.Read(Folder.Export("markets_extracted")).Column("event_id"));
        var full = CsvFiles.Read(FullExport);
        Assert.Equal(events.Select(e => e.Id.Value), full.Column("id"));
        Assert.All(full.Rows, row => Assert.Equal(full.Header.Count, row.Length));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    [Fact]
    public async Task CommitAsync_FilterStage_MarketFilesAndFullExportLeftAsTheyWere()
    {
        var events = TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json");
        await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.All), events);
        var markets = await File.ReadAllBytesAsync(Folder.FilteredMarkets);
        var full = await File.ReadAllBytesAsync(FullExport);

        var files = await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.Filter), events, _ => false);

        Assert.Equal([Folder.RawEvents, Folder.FilteredEvents, Folder.Export("events_filtered")], files);
        Assert.Empty(AssertEnvelope(Folder.FilteredEvents, "events", 0));
        Assert.Empty(CsvFiles.Read(Folder.Export("events_filtered")).Rows);
        Assert.Equal(markets, await File.ReadAllBytesAsync(Folder.FilteredMarkets));
        Assert.Equal(full, await File.ReadAllBytesAsync(FullExport));
    }

    [Fact]
    public async Task DisposeAsync_WithoutCommit_PreviousFilesByteIdenticalAndNoTempFiles()
    {
        await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.All), TestData.FixtureEvents("gamma/events_default_page_2021_resolved.json"));
        var before = Runs.Files(Folder.Root);

        var writer = await Store.BeginEventsAsync(Runs.Events(EventsStage.All), CancellationToken.None);
        await using (writer)
        {
            await Runs.AddEventsAsync(writer, TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json"));
        }

        Assert.Equal(6, before.Count);
        Runs.AssertSameFiles(before, Runs.Files(Folder.Root));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    [Fact]
    public async Task CommitAsync_Cancelled_ThrowsAndDisposeLeavesPreviousFilesAndNoTempFiles()
    {
        await Runs.CommitEventsAsync(Store, Runs.Events(EventsStage.All), TestData.FixtureEvents("gamma/events_default_page_2021_resolved.json"));
        var before = Runs.Files(Folder.Root);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var writer = await Store.BeginEventsAsync(Runs.Events(EventsStage.All), CancellationToken.None);
        await using (writer)
        {
            await Runs.AddEventsAsync(writer, TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json"));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.CommitAsync(cancelled.Token));
        }

        Runs.AssertSameFiles(before, Runs.Files(Folder.Root));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    [Fact]
    public async Task AddAsync_AfterCommit_Throws()
    {
        var writer = await Store.BeginEventsAsync(Runs.Events(EventsStage.Filter), CancellationToken.None);
        await using (writer)
        {
            await writer.CommitAsync(CancellationToken.None);
            var marketEvent = TestData.FixtureEvents("gamma/event_negrisk_dem_nominee_2028.json")[0];

            await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AddAsync(marketEvent, true, [], CancellationToken.None));
        }

        AssertEnvelope(Folder.RawEvents, "events", 0);
    }

    /// <summary>Parses the file, checks its source and that <c>count</c> matches the array; returns the array.</summary>
    private static JsonArray AssertEnvelope(string path, string arrayName, int count)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(MarketSourceInfo.Sample.Name, (string?)root["source"]);
        Assert.Equal("2026-11-25T09:55:51.123Z", (string?)root["generated_at"]);
        var items = root[arrayName]!.AsArray();
        Assert.Equal(count, (int)root["count"]!);
        Assert.Equal(count, items.Count);
        return items;
    }
}
