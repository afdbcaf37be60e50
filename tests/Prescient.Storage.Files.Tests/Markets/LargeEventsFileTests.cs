using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Markets;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Markets;

/// <summary>Measures process-wide allocations, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(LargeEventsFileTests), DisableParallelization = true)]
public sealed class LargeEventsFileCollection;

[Collection(nameof(LargeEventsFileTests))]
public sealed class LargeEventsFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteRawEvents_30000Events_StreamedWithoutBuildingTheFileInMemory()
    {
        // The recorded event without its markets, tags and description (~1.5 KB written), 30,000
        // times under distinct ids.
        var template = Fixtures.Json("gamma/events_active_limit1_microstrategy_2026-02.json")[0]!.AsObject();
        template.Remove("markets");
        template.Remove("tags");
        template.Remove("description");
        var text = template.ToJsonString();
        var events = Enumerable.Range(0, 30_000)
            .Select(i =>
            {
                var raw = JsonNode.Parse(text)!.AsObject();
                raw["id"] = (100_000 + i).ToString(CultureInfo.InvariantCulture);
                return TestData.Event(raw);
            })
            .ToArray();
        var folder = new DataFolder(_temp.Path);
        var store = new FileMarketDataStore(folder);
        var snapshot = new EventsSnapshot(TestData.GeneratedAt, MarketSourceInfo.Sample, events);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await store.WriteRawEventsAsync(snapshot, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var length = new FileInfo(folder.RawEvents).Length;
        Assert.True(length > 20_000_000, $"file is only {length} bytes");

        // Building the file as a string first would allocate at least twice its size (UTF-16).
        Assert.True(allocated < length / 4, $"{allocated} bytes allocated to write a {length}-byte file");

        await using var stream = File.OpenRead(folder.RawEvents);
        using var doc = await JsonDocument.ParseAsync(stream);
        Assert.Equal(30_000, doc.RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal("129999", doc.RootElement.GetProperty("events")[29_999].GetProperty("id").GetString());
    }
}
