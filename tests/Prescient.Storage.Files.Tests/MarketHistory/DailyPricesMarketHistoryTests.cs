using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.MarketHistory;

namespace Prescient.Storage.Files.Tests.MarketHistory;

public sealed class DailyPricesMarketHistoryTests : DataFolderTest
{
    private static readonly TokenId Yes = TokenId.Create(TestData.YesToken);

    [Fact]
    public async Task ReadAsync_DailyFilesAndTheMarketCache_OnePointPerSnapshotOldestFirst()
    {
        var day1 = TestData.GeneratedAt;
        await Store.WriteDailyPricesAsync(Snapshot(day1, 0.4m), CancellationToken.None);
        await Store.WriteDailyPricesAsync(Snapshot(day1.AddDays(1), null, lastTrade: 0.45m), CancellationToken.None);
        await WriteQuotesAsync(Snapshot(day1.AddDays(2), 0.5m));
        var history = new DailyPricesMarketHistory(Folder, Store);

        var points = new List<HistoryPoint>();
        await foreach (var chunk in history.ReadAsync(Yes, day1.AddDays(-1), day1.AddDays(3), CancellationToken.None))
        {
            points.AddRange(chunk.ToArray());
        }

        Assert.Equal([0.4m, 0.45m, 0.5m], points.Select(p => p.Price));
        Assert.Equal(day1.AddDays(2).ToUnixTimeSeconds(), points[^1].UnixSeconds);
        Assert.Equal([Yes], await history.TokensAsync(day1, day1.AddSeconds(1), CancellationToken.None));
        Assert.Empty(await history.TokensAsync(day1.AddDays(5), day1.AddDays(6), CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_QuotesRunThatAlsoWroteTheDay_CountsOnce()
    {
        await WriteQuotesAsync(Snapshot(TestData.GeneratedAt, 0.4m));
        var history = new DailyPricesMarketHistory(Folder, Store);

        var chunks = new List<HistoryPoint[]>();
        await foreach (var chunk in history.ReadAsync(Yes, TestData.GeneratedAt.AddDays(-1), TestData.GeneratedAt.AddDays(1), CancellationToken.None))
        {
            chunks.Add(chunk.ToArray());
        }

        Assert.True(File.Exists(Folder.DailyPrices(DateOnly.FromDateTime(TestData.GeneratedAt.UtcDateTime))));
        Assert.Equal(0.4m, Assert.Single(Assert.Single(chunks)).Price);
    }

    private static QuotesSnapshot Snapshot(DateTimeOffset at, decimal? mid, decimal? lastTrade = null) =>
        TestData.Quotes(TestData.Quote() with { Mid = mid, LastTradePrice = lastTrade }) with { GeneratedAt = at };

    private async Task WriteQuotesAsync(QuotesSnapshot quotes)
    {
        await using var writer = await Store.BeginQuotesAsync(new QuotesRun(quotes.GeneratedAt, quotes.Source), CancellationToken.None);
        await writer.AddAsync(quotes.Quotes, CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
    }
}
