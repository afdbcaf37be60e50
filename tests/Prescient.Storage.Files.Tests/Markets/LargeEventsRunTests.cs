using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Engine.Refresh;
using Prescient.Storage.Files.Markets;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Markets;

/// <summary>Measures the process-wide heap, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(LargeEventsRunTests), DisableParallelization = true)]
public sealed class LargeEventsRunCollection;

[Collection(nameof(LargeEventsRunTests))]
public sealed class LargeEventsRunTests : IDisposable
{
    private const int Events = 30_000;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EventsWriter_30000EventsAllStage_HeapStaysSmallAndFilesComplete()
    {
        // The recorded event without its markets, tags and description (~1.5 KB written), under
        // distinct ids, made one at a time so only the writer could hold on to them. Held, 30,000 of
        // them as parsed JSON trees would take well over 100 MB.
        var template = Fixtures.Json("gamma/events_active_limit1_microstrategy_2026-02.json")[0]!.AsObject();
        template.Remove("markets");
        template.Remove("tags");
        template.Remove("description");
        var text = template.ToJsonString();
        var folder = new DataFolder(_temp.Path);
        var store = new FileMarketDataStore(folder);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        var writer = await store.BeginEventsAsync(Runs.Events(EventsStage.All), CancellationToken.None);
        long retained;
        await using (writer)
        {
            for (var i = 0; i < Events; i++)
            {
                var raw = JsonNode.Parse(text)!.AsObject();
                raw["id"] = (100_000 + i).ToString(CultureInfo.InvariantCulture);
                var marketEvent = TestData.Event(raw);
                var kept = i % 2 == 0;
                await writer.AddAsync(marketEvent, kept, kept ? Runs.RowsOf(marketEvent) : [], CancellationToken.None);
            }

            retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            await writer.CommitAsync(CancellationToken.None);
        }

        Assert.True(retained < 100_000_000, $"{retained} bytes retained after {Events} events");
        Assert.True(new FileInfo(folder.RawEvents).Length > 20_000_000, "the raw events file is smaller than 30,000 events");
        Assert.Equal(Events, await CountAsync(folder.RawEvents, "events"));
        Assert.Equal(Events / 2, await CountAsync(folder.FilteredMarkets, "markets"));
        Runs.AssertNoTempFiles(folder.Root);
    }

    /// <summary>The items of the envelope's array, checked against its <c>count</c>.</summary>
    private static async Task<int> CountAsync(string path, string arrayName)
    {
        await using var stream = File.OpenRead(path);
        using var doc = await JsonDocument.ParseAsync(stream);
        var items = doc.RootElement.GetProperty(arrayName).GetArrayLength();
        Assert.Equal(doc.RootElement.GetProperty("count").GetInt32(), items);
        return items;
    }
}
