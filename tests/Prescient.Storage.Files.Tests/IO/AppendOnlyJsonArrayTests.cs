using Prescient.Testing.Fakes;
using System.Text;
using System.Text.Json;
using Prescient.Domain.Trading;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.IO;

public sealed class AppendOnlyJsonArrayTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLogger<AppendOnlyJsonArrayTests> _logger = new();

    private string FilePath => Path.Combine(_temp.Path, "trades", "paper_trades.json");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenAsync_MissingFile_CreatedAsEmptyArray()
    {
        var count = await Open().OpenAsync(CancellationToken.None);

        Assert.Equal(0, count);
        Assert.Equal("[\n]\n", await File.ReadAllTextAsync(FilePath));
        Assert.Empty(await Open().ReadAllAsync(CancellationToken.None));
        Assert.Empty(_logger.Warnings);
        Runs.AssertNoTempFiles(_temp.Path);
    }

    [Fact]
    public async Task AppendAsync_EachAppend_FileIsTheLayoutAndValidJson()
    {
        var ledger = Open();
        var trades = TradingData.Trades(8);
        var lines = new List<string>();

        foreach (var trade in trades)
        {
            await ledger.AppendAsync(trade, CancellationToken.None);
            lines.Add(JsonSerializer.Serialize(trade, PrescientJson.CompactOptions));

            var text = await File.ReadAllTextAsync(FilePath);
            Assert.Equal("[\n" + string.Join(",\n", lines) + "\n]\n", text);
            using var document = JsonDocument.Parse(text);
            Assert.Equal(lines.Count, document.RootElement.GetArrayLength());
        }

        Assert.Equal(trades, await ledger.ReadAllAsync(CancellationToken.None));
        Assert.Equal(trades, await Open().ReadAllAsync(CancellationToken.None));
        Assert.Empty(_logger.Warnings);
    }

    [Fact]
    public async Task AppendAsync_RecordWithLineBreaksAndScale_OneLineAndReadBackExactly()
    {
        var trade = TradingData.Trade(1, TradeKind.Buy, "line one\nline two\r\n\"quoted\" 🚀");
        var ledger = Open();

        await ledger.AppendAsync(trade, CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(FilePath);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"price\":0.50,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"buy\"", lines[1], StringComparison.Ordinal);
        var back = Assert.Single(await Open().ReadAllAsync(CancellationToken.None));
        Assert.Equal(trade, back);
        Assert.Equal("0.50", back.Price.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(trade.Question, back.Question);
    }

    [Fact]
    public async Task OpenAsync_GarbageInTheMiddle_InvalidDataNamingFileAndLineAndFileUntouched()
    {
        await CreateAsync(TradingData.Trades(5));
        var lines = (await File.ReadAllTextAsync(FilePath)).Split('\n');
        lines[3] = "{\"trade_id\":\"T000003\",garbage},";
        await File.WriteAllTextAsync(FilePath, string.Join('\n', lines));
        var before = await File.ReadAllBytesAsync(FilePath);
        var ledger = Open();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ledger.OpenAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidDataException>(() => ledger.AppendAsync(TradingData.Trade(6), CancellationToken.None));

        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath));
        Assert.Empty(_logger.Warnings);
    }

    [Fact]
    public async Task ReadAllAsync_RecordThatIsNotATrade_InvalidDataNamingTheLine()
    {
        await CreateAsync(TradingData.Trades(3));
        var text = (await File.ReadAllTextAsync(FilePath)).Split('\n');
        text[2] = "{\"trade_id\":\"T000002\"},";
        await File.WriteAllTextAsync(FilePath, string.Join('\n', text));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Open().ReadAllAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot read {FilePath}: line 3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_HandFormattedArray_RewrittenIntoLayoutOnceWithSameRecordsAndUnknownFieldsKept()
    {
        var trades = TradingData.Trades(4);
        var indented = JsonSerializer.Serialize(trades, PrescientJson.Options).Replace(
            "\"trade_id\": \"T000002\",", "\"trade_id\": \"T000002\",\n    \"note\": \"added by hand\",", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllTextAsync(FilePath, indented);

        var count = await Open().OpenAsync(CancellationToken.None);

        Assert.Equal(4, count);
        var lines = await File.ReadAllLinesAsync(FilePath);
        Assert.Equal(6, lines.Length);
        Assert.Contains("\"note\":\"added by hand\"", lines[2], StringComparison.Ordinal);
        Assert.Equal(trades, await Open().ReadAllAsync(CancellationToken.None));
        Assert.Single(_logger.Warnings, m => m.StartsWith($"Rewrote {FilePath} into one record per line: 4 records", StringComparison.Ordinal));
        Runs.AssertNoTempFiles(_temp.Path);

        _logger.Clear();
        await Open().AppendAsync(TradingData.Trade(5), CancellationToken.None);
        Assert.Equal(TradingData.Trades(5), await Open().ReadAllAsync(CancellationToken.None));
        Assert.Empty(_logger.Warnings);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[ ]\r\n")]
    public async Task OpenAsync_EmptyArrayFormattedOtherwise_RewrittenAsEmptyLayout(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllTextAsync(FilePath, content);

        Assert.Equal(0, await Open().OpenAsync(CancellationToken.None));

        Assert.Equal("[\n]\n", await File.ReadAllTextAsync(FilePath));
    }

    [Fact]
    public async Task AppendAsync_ManyTasksAtOnce_AllPresentOnceAndFileValid()
    {
        var ledger = Open();
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            start.Wait();
            for (var i = 0; i < 25; i++)
            {
                await ledger.AppendAsync(TradingData.Trade((w * 25) + i + 1), CancellationToken.None);
            }
        })).ToArray();

        start.Set();
        await Task.WhenAll(writers);

        var read = await Open().ReadAllAsync(CancellationToken.None);
        Assert.Equal(400, read.Count);
        Assert.Equal(TradingData.Trades(400).OrderBy(t => t.TradeId), read.OrderBy(t => t.TradeId));
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(FilePath));
        Assert.Equal(400, document.RootElement.GetArrayLength());
        Assert.Empty(_logger.Warnings);
    }

    [Fact]
    public async Task AppendAsync_WriteFailsPartWay_PreviousBytesRestoredErrorRethrownNextAppendWorks()
    {
        await Open().AppendAsync(TradingData.Trade(1), CancellationToken.None);
        var before = await File.ReadAllBytesAsync(FilePath);
        var failures = 1;
        var ledger = new AppendOnlyJsonArray<Trade>(FilePath, _logger)
        {
            // Half the bytes reach the file, then the disk is full.
            WriteAt = (handle, bytes, offset) =>
            {
                if (failures-- > 0)
                {
                    RandomAccess.Write(handle, bytes.Span[..(bytes.Length / 2)], offset);
                    throw new IOException("No space left on device");
                }

                RandomAccess.Write(handle, bytes.Span, offset);
            },
        };

        var error = await Assert.ThrowsAsync<IOException>(() => ledger.AppendAsync(TradingData.Trade(2), CancellationToken.None));
        Assert.Equal("No space left on device", error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath));

        await ledger.AppendAsync(TradingData.Trade(2), CancellationToken.None);
        Assert.Equal(TradingData.Trades(2), await Open().ReadAllAsync(CancellationToken.None));
        Assert.Empty(_logger.Warnings);
    }

    [Fact]
    public async Task AppendAsync_TwoInstancesOnOneFile_EachSeesTheOthersAppendsAndLogsIt()
    {
        var first = Open();
        var second = Open();

        await first.AppendAsync(TradingData.Trade(1), CancellationToken.None);
        await second.AppendAsync(TradingData.Trade(2), CancellationToken.None);
        await first.AppendAsync(TradingData.Trade(3), CancellationToken.None);

        Assert.Equal(TradingData.Trades(3), await second.ReadAllAsync(CancellationToken.None));
        Assert.Equal(TradingData.Trades(3), await Open().ReadAllAsync(CancellationToken.None));
        Assert.Contains(_logger.Warnings, m => m.StartsWith($"{FilePath} changed on disk outside this writer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_AppendDuringEnumeration_YieldsTheRecordsOfItsStart()
    {
        var ledger = Open();
        await ledger.AppendAsync(TradingData.Trade(1), CancellationToken.None);
        await ledger.AppendAsync(TradingData.Trade(2), CancellationToken.None);
        var read = new List<Trade>();

        await foreach (var trade in ledger.ReadAsync(CancellationToken.None))
        {
            read.Add(trade);
            await ledger.AppendAsync(TradingData.Trade(read.Count + 2), CancellationToken.None);
        }

        Assert.Equal(TradingData.Trades(2), read);
        Assert.Equal(TradingData.Trades(4), await ledger.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryCopyToAsync_MissingFile_FalseNothingWrittenAndNothingCreated()
    {
        using var copy = new MemoryStream();

        Assert.False(await Open().TryCopyToAsync(copy, CancellationToken.None));

        Assert.Equal(0, copy.Length);
        Assert.False(File.Exists(FilePath));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task TryCopyToAsync_AppendsDuringTheCopy_CopyIsTheFileOfItsStart(int records)
    {
        var ledger = Open();
        await CreateAsync(TradingData.Trades(records));
        var before = await File.ReadAllBytesAsync(FilePath);

        // Every write of the copy lets another record be appended first, as a server answering while trades are filled.
        using var copy = new AppendingStream(() => ledger.AppendAsync(TradingData.Trade(records + 100), CancellationToken.None));
        Assert.True(await ledger.TryCopyToAsync(copy, CancellationToken.None));

        Assert.Equal(before, copy.ToArray());
        Assert.True(copy.Appends > 0);
        Assert.Equal(records + copy.Appends, (await Open().ReadAllAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AppendAsync_Cancelled_NothingWritten()
    {
        var ledger = Open();
        await ledger.AppendAsync(TradingData.Trade(1), CancellationToken.None);
        var before = await File.ReadAllBytesAsync(FilePath);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.AppendAsync(TradingData.Trade(2), new CancellationToken(canceled: true)));

        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath));
    }

    [Fact]
    public async Task CreateAsync_FileExists_RefusedAndFileUntouched()
    {
        await CreateAsync(TradingData.Trades(2));
        var before = await File.ReadAllBytesAsync(FilePath);

        await Assert.ThrowsAsync<IOException>(() => CreateAsync(TradingData.Trades(3)));

        Assert.Equal(before, await File.ReadAllBytesAsync(FilePath));
        Assert.Equal("[\n", Encoding.UTF8.GetString(before[..2]));
    }

    private AppendOnlyJsonArray<Trade> Open() => new(FilePath, _logger);

    private Task CreateAsync(IEnumerable<Trade> trades) => AppendOnlyJsonArray<Trade>.CreateAsync(FilePath, trades, CancellationToken.None);

    /// <summary>A memory stream that runs <paramref name="append"/> before each write it takes.</summary>
    private sealed class AppendingStream(Func<Task> append) : MemoryStream
    {
        public int Appends { get; private set; }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await append();
            Appends++;
            await base.WriteAsync(buffer, cancellationToken);
        }
    }
}
