using System.Text;
using Prescient.Domain.Trading;
using Prescient.Storage.Files.IO;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.IO;

/// <summary>The end of an append-only array read backwards: the same records a whole read gives, or null when the end is not the layout's.</summary>
public sealed class LayoutTailTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string FilePath => Path.Combine(_temp.Path, "ledger.json");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(3, 3)]
    [InlineData(3, 10)]
    [InlineData(2_000, 700)]
    public async Task Read_AnyCount_TheLastRecordsOfAWholeRead(int records, int count)
    {
        // 2,000 records of about 700 bytes: the last 700 span several 64 KB chunks read backwards.
        await AppendOnlyJsonArray<Trade>.CreateAsync(FilePath, TradingData.Trades(records), CancellationToken.None);
        var all = await new AppendOnlyJsonArray<Trade>(FilePath).ReadAllAsync(CancellationToken.None);

        var tail = LayoutTail.Read(FilePath, count);

        Assert.NotNull(tail);
        Assert.Equal(new FileInfo(FilePath).Length, tail.Length);
        Assert.Equal(all.TakeLast(count), tail.TryParse<Trade>());
        Assert.Equal(records <= count, tail.Whole);
    }

    [Theory]
    [InlineData("[\n{\"a\":1},\n{\"a\":2")]
    [InlineData("[\n{\"a\":1},\n{\"a\":2}\n]")]
    [InlineData("[\n{\"a\":1}\n{\"a\":2}\n]\n")]
    [InlineData("{\"a\":1}\n]\n")]
    [InlineData("")]
    public void Read_EndNotTheLayout_Null(string content)
    {
        File.WriteAllText(FilePath, content, new UTF8Encoding(false));

        Assert.Null(LayoutTail.Read(FilePath, 2));
    }

    [Fact]
    public void Read_NoFile_Null() => Assert.Null(LayoutTail.Read(FilePath, 1));

    [Fact]
    public async Task TryParse_ARecordThatIsNotOne_Null()
    {
        await File.WriteAllTextAsync(FilePath, "[\n{\"trade_id\":\"not an id\"}\n]\n");

        var tail = LayoutTail.Read(FilePath, 1);

        Assert.NotNull(tail);
        Assert.Null(tail.TryParse<Trade>());
    }
}
