using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Tests;

/// <summary>Whole runs through the store's writers, and the checks the writer tests share.</summary>
internal static class Runs
{
    public static EventsRun Events(EventsStage stage, MarketSourceInfo? source = null, TradingFilterOptions? filters = null) =>
        new(TestData.GeneratedAt, source ?? MarketSourceInfo.Sample, filters ?? new TradingFilterOptions(), stage);

    /// <summary>Adds every event (kept when <paramref name="keep"/> says so, with one row per kept event) and commits.</summary>
    public static async Task<IReadOnlyList<string>> CommitEventsAsync(
        IMarketDataStore store,
        EventsRun run,
        IEnumerable<MarketEvent> events,
        Func<MarketEvent, bool>? keep = null)
    {
        var writer = await store.BeginEventsAsync(run, CancellationToken.None);
        await using (writer)
        {
            await AddEventsAsync(writer, events, keep);
            return await writer.CommitAsync(CancellationToken.None);
        }
    }

    public static async Task AddEventsAsync(IEventsWriter writer, IEnumerable<MarketEvent> events, Func<MarketEvent, bool>? keep = null)
    {
        foreach (var marketEvent in events)
        {
            var kept = keep?.Invoke(marketEvent) ?? true;
            await writer.AddAsync(marketEvent, kept, kept ? RowsOf(marketEvent) : [], CancellationToken.None);
        }
    }

    /// <summary>One market row per event, carrying the event's id and title.</summary>
    public static IReadOnlyList<MarketRow> RowsOf(MarketEvent marketEvent) =>
        [TestData.Row() with { EventId = marketEvent.Id, EventTitle = marketEvent.Title ?? "" }];

    public static async Task<QuotesCommit> CommitQuotesAsync(IMarketDataStore store, QuotesSnapshot snapshot)
    {
        var writer = await store.BeginQuotesAsync(new QuotesRun(snapshot.GeneratedAt, snapshot.Source), CancellationToken.None);
        await using (writer)
        {
            await writer.AddAsync(snapshot.Quotes, CancellationToken.None);
            return await writer.CommitAsync(CancellationToken.None);
        }
    }

    /// <summary>Every file under <paramref name="root"/> with its bytes, by relative path.</summary>
    public static SortedDictionary<string, byte[]> Files(string root) =>
        new(
            Directory.Exists(root)
                ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes)
                : [],
            StringComparer.Ordinal);

    public static void AssertNoTempFiles(string root) =>
        Assert.DoesNotContain(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories), AtomicFile.IsTempFile);

    public static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} changed");
        }
    }
}
