using Prescient.Testing.Fakes;
using System.Text;
using System.Text.Json;
using Prescient.Domain.Trading;
using Prescient.Storage.Files.IO;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.IO;

/// <summary>
/// What a crash can leave of an append, byte by byte: a write cut short (the file ends anywhere
/// between the old and the new length) and a power loss after the file grew but before its data
/// reached the disk (the tail reads as NUL bytes). Every state must reopen as exactly the old
/// records or all of them, in the exact layout, with the repair logged.
/// </summary>
public sealed class TornTailTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLogger<TornTailTests> _logger = new();

    private string FilePath => Path.Combine(_temp.Path, "paper_trades.json");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task OpenAsync_AppendCutAtEveryByte_OldOrAllRecordsExactLayoutRepairLogged(int n)
    {
        var (before, after) = await AppendAsync(n);

        for (var cut = before.Length; cut <= after.Length; cut++)
        {
            await AssertRecoveredAsync(after[..cut], n, before, after, $"cut at byte {cut}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task OpenAsync_TailZeroedFromEveryByte_OldOrAllRecordsExactLayoutRepairLogged(int n)
    {
        var (before, after) = await AppendAsync(n);

        for (var from = before.Length - 3; from < after.Length; from++)
        {
            var content = after[..from].Concat(new byte[after.Length - from]).ToArray();
            await AssertRecoveredAsync(content, n, before, after, $"zeroed from byte {from}");
        }
    }

    [Fact]
    public async Task AppendAsync_AfterRepair_FurtherAppendsLandAfterTheKeptRecords()
    {
        await AppendOnlyJsonArray<Trade>.CreateAsync(FilePath, TradingData.Trades(3), CancellationToken.None);
        var torn = (await File.ReadAllTextAsync(FilePath))[..^3] + ",\n{\"trade_id\":\"T000004\",\"sig";
        await File.WriteAllTextAsync(FilePath, torn);
        var ledger = Open();

        Assert.Equal(3, await ledger.OpenAsync(CancellationToken.None));
        foreach (var trade in TradingData.Trades(3, first: 4))
        {
            await ledger.AppendAsync(trade, CancellationToken.None);
        }

        var warning = Assert.Single(_logger.Warnings);
        Assert.StartsWith($"Repaired {FilePath} after an interrupted append: kept 3 complete records, dropped 28 bytes of torn tail", warning, StringComparison.Ordinal);
        _logger.Clear();
        Assert.Equal(TradingData.Trades(6), await Open().ReadAllAsync(CancellationToken.None));
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(FilePath));
        Assert.Equal(6, document.RootElement.GetArrayLength());
        Assert.Empty(_logger.Warnings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[")]
    [InlineData("[\n")]
    [InlineData("[\n]")]
    [InlineData("[\n{\"trade_id\":")]
    public async Task OpenAsync_TornBeforeFirstRecordCompleted_EmptyArray(string content)
    {
        await File.WriteAllTextAsync(FilePath, content);

        Assert.Equal(0, await Open().OpenAsync(CancellationToken.None));

        Assert.Equal("[\n]\n", await File.ReadAllTextAsync(FilePath));
        Assert.Single(_logger.Warnings);
    }

    [Fact]
    public async Task OpenAsync_LastLineUnreadableBeforeClosing_OnlyThatLineDropped()
    {
        await AppendOnlyJsonArray<Trade>.CreateAsync(FilePath, TradingData.Trades(2), CancellationToken.None);
        var text = await File.ReadAllTextAsync(FilePath);
        await File.WriteAllTextAsync(FilePath, text[..^3] + ",\n{\"trade_id\":\"T0000\n]\n");

        Assert.Equal(2, await Open().OpenAsync(CancellationToken.None));

        Assert.Equal(text, await File.ReadAllTextAsync(FilePath));
        Assert.Single(_logger.Warnings);
    }

    /// <summary>The file before and after appending record <paramref name="n"/> to records 1..n−1.</summary>
    private async Task<(byte[] Before, byte[] After)> AppendAsync(int n)
    {
        await AppendOnlyJsonArray<Trade>.CreateAsync(FilePath, TradingData.Trades(n - 1), CancellationToken.None);
        var before = await File.ReadAllBytesAsync(FilePath);
        await Open().AppendAsync(TradingData.Trade(n), CancellationToken.None);
        var after = await File.ReadAllBytesAsync(FilePath);

        // One write at the end: everything before the old closing bytes is untouched.
        Assert.True(after.AsSpan(0, before.Length - 3).SequenceEqual(before.AsSpan(0, before.Length - 3)));
        Assert.Empty(_logger.Warnings);
        return (before, after);
    }

    private async Task AssertRecoveredAsync(byte[] content, int n, byte[] before, byte[] after, string state)
    {
        await File.WriteAllBytesAsync(FilePath, content);
        _logger.Clear();
        var ledger = Open();

        var records = await ledger.ReadAllAsync(CancellationToken.None);

        var all = records.Count == n;
        Assert.True(records.SequenceEqual(TradingData.Trades(all ? n : n - 1)), state);
        var repaired = await File.ReadAllBytesAsync(FilePath);
        Assert.True(repaired.AsSpan().SequenceEqual(all ? after : before), $"{state}: {Encoding.UTF8.GetString(repaired)}");
        if (content.AsSpan().SequenceEqual(repaired))
        {
            Assert.Empty(_logger.Warnings);
        }
        else if (!all)
        {
            Assert.Contains(_logger.Warnings, m => m.StartsWith($"Repaired {FilePath} after an interrupted append: kept {n - 1} complete records", StringComparison.Ordinal));
        }
        else
        {
            Assert.NotEmpty(_logger.Warnings);
        }

        await ledger.AppendAsync(TradingData.Trade(records.Count + 1), CancellationToken.None);
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(FilePath));
        Assert.Equal(records.Count + 1, document.RootElement.GetArrayLength());
    }

    private AppendOnlyJsonArray<Trade> Open() => new(FilePath, _logger);
}
