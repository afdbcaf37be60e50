using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Storage.Files.MarketHistory;
using Prescient.Storage.Files.PriceHistory;
using Prescient.Testing.Fakes;

namespace Prescient.Storage.Files.Tests.MarketHistory;

public sealed class CachedMarketHistoryTests : DataFolderTest
{
    private static readonly TokenId Yes = TokenId.Create(TestData.YesToken);
    private static readonly TokenId No = TokenId.Create(TestData.NoToken);
    private static readonly HistoryMonth January = new(2026, 1);

    [Fact]
    public async Task ReadAsync_RangeAcrossMonths_YieldsOneChunkPerMonthCutToTheRange()
    {
        var cache = new FilePriceHistoryCache(Folder);
        await cache.WriteAsync(Month(Yes, January, 31 * 24), CancellationToken.None);
        await cache.WriteAsync(Month(Yes, January.Next, 28 * 24), CancellationToken.None);
        var history = new CachedMarketHistory(Folder, new InMemoryMarketDataStore());
        var from = January.End.AddHours(-2);

        var chunks = new List<HistoryPoint[]>();
        await foreach (var chunk in history.ReadAsync(Yes, from, January.End.AddHours(3), CancellationToken.None))
        {
            chunks.Add(chunk.ToArray());
        }

        Assert.Equal([2, 3], chunks.Select(c => c.Length));
        Assert.Equal(from, chunks[0][0].Time);
        Assert.Equal(January.End.AddHours(2), chunks[1][^1].Time);
    }

    [Fact]
    public async Task ReadAsync_DamagedMonth_ThrowsNamingTheFileInsteadOfTrustingIt()
    {
        var cache = new FilePriceHistoryCache(Folder);
        await cache.WriteAsync(Month(Yes, January, 10), CancellationToken.None);
        var path = Folder.PriceHistoryFile(Yes, January);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^1] ^= 0x40;
        await File.WriteAllBytesAsync(path, bytes);
        var history = new CachedMarketHistory(Folder, new InMemoryMarketDataStore());

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in history.ReadAsync(Yes, January.Start, January.End, CancellationToken.None))
            {
            }
        });

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensAsync_OnlyTokensWithAMonthInTheRange()
    {
        var cache = new FilePriceHistoryCache(Folder);
        await cache.WriteAsync(Month(Yes, January, 5), CancellationToken.None);
        await cache.WriteAsync(Month(No, January.Next, 5), CancellationToken.None);
        var history = new CachedMarketHistory(Folder, new InMemoryMarketDataStore());

        Assert.Equal([Yes], await history.TokensAsync(January.Start, January.End, CancellationToken.None));
        Assert.Equal(new[] { Yes, No }.Order(), await history.TokensAsync(January.Start, January.Next.End, CancellationToken.None));
    }

    [Fact]
    public async Task ResolutionAsync_ClosedMarketOfTheLastRefresh_PaysItsSettledPrices()
    {
        var store = new InMemoryMarketDataStore { Markets = TestData.Markets(TestData.Row() with { Closed = true, YesPrice = 0m, NoPrice = 1m }) };
        var history = new CachedMarketHistory(Folder, store);

        Assert.Equal(0m, (await history.ResolutionAsync(Yes, CancellationToken.None))!.PayoutPerShare);
        Assert.Equal(1m, (await history.ResolutionAsync(No, CancellationToken.None))!.PayoutPerShare);
        Assert.Null(await history.ResolutionAsync(TokenId.Create("5"), CancellationToken.None));
    }

    [Fact]
    public async Task ResolutionAsync_OpenMarket_IsUnknown()
    {
        var history = new CachedMarketHistory(Folder, new InMemoryMarketDataStore { Markets = TestData.Markets(TestData.Row()) });

        Assert.Null(await history.ResolutionAsync(Yes, CancellationToken.None));
    }

    private static PriceMonth Month(TokenId token, HistoryMonth month, int hours) =>
        new(token, month, 60, month.End, true, false, Enumerable.Range(0, hours).Select(h => HistoryPoint.At(month.Start.AddHours(h), 0.5m)).ToArray());
}
