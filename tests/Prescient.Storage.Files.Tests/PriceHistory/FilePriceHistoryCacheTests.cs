using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Storage.Files.PriceHistory;

namespace Prescient.Storage.Files.Tests.PriceHistory;

public sealed class FilePriceHistoryCacheTests : DataFolderTest
{
    private static readonly HistoryMonth January = new(2026, 1);
    private static readonly TokenId Token = TokenId.Create(TestData.YesToken);

    [Fact]
    public async Task InspectAsync_NothingWritten_IsMissing()
    {
        var cache = new FilePriceHistoryCache(Folder);

        Assert.Equal(CachedMonth.Missing, await cache.InspectAsync(Token, January, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ThenInspect_IsStoredWithItsFlagsInTheTokensFolder()
    {
        var cache = new FilePriceHistoryCache(Folder);

        await cache.WriteAsync(new PriceMonth(Token, January, 60, January.End, false, true, PriceHistoryFormatTests.Hourly(10)), CancellationToken.None);

        Assert.Equal(CachedMonth.Stored(complete: false, simulated: true, 60), await cache.InspectAsync(Token, January, CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(Folder.Root, "pricehistory", TestData.YesToken, "2026-01.bin")));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(Folder.Root, "pricehistory", TestData.YesToken)));
    }

    [Fact]
    public async Task InspectAsync_TruncatedFile_IsDamagedWithTheReason()
    {
        var cache = new FilePriceHistoryCache(Folder);
        await cache.WriteAsync(new PriceMonth(Token, January, 60, January.End, true, false, PriceHistoryFormatTests.Hourly(10)), CancellationToken.None);
        var path = Folder.PriceHistoryFile(Token, January);
        await File.WriteAllBytesAsync(path, (await File.ReadAllBytesAsync(path))[..^8]);

        var found = await cache.InspectAsync(Token, January, CancellationToken.None);

        Assert.Equal(CachedMonthState.Damaged, found.State);
        Assert.Contains("truncated", found.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveLeftovers_TempFileOfAnInterruptedWrite_IsDeletedAndTheMonthKept()
    {
        var cache = new FilePriceHistoryCache(Folder);
        await cache.WriteAsync(new PriceMonth(Token, January, 60, January.End, true, false, []), CancellationToken.None);
        var directory = Path.GetDirectoryName(Folder.PriceHistoryFile(Token, January))!;
        await File.WriteAllTextAsync(Path.Combine(directory, $".2026-02.bin.tmp-{Guid.NewGuid():N}"), "half");

        Assert.Equal(1, cache.RemoveLeftovers());
        Assert.Equal(["2026-01.bin"], Directory.EnumerateFiles(directory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("12.34")]
    public void PriceHistoryFile_TokenThatIsNotAPlainName_IsRefused(string token) =>
        Assert.Throws<ArgumentException>(() => Folder.PriceHistoryFile(TokenId.Create(token), January));
}
