using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Storage.Files.Trading;
using Prescient.Testing.Fakes;

namespace Prescient.Storage.Files.Tests.Trading;

/// <summary>
/// <c>trades/ledger_checkpoint.json</c>: it vouches for <c>portfolio.json</c> only while the ledger ends
/// as it did and the portfolio file is the one written; anything else sends readers back to the ledger.
/// </summary>
public sealed class LedgerCheckpointTests : DataFolderTest
{
    public LedgerCheckpointTests() => Trading = new FileTradingStore(Folder, new RecordingLogger<FileTradingStore>());

    private FileTradingStore Trading { get; }

    [Fact]
    public async Task WritePortfolio_OverTheWholeLedger_IsCurrentUntilTheLedgerGrows()
    {
        await AppendAsync(TradingData.Trades(3));
        await WritePortfolioAsync(3);

        Assert.True(await Trading.IsPortfolioCurrentAsync(CancellationToken.None));

        await Trading.Ledger.AppendAsync(TradingData.Trade(4), CancellationToken.None);

        Assert.False(await Trading.IsPortfolioCurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PortfolioEditedByHand_IsNotCurrent()
    {
        await AppendAsync(TradingData.Trades(2));
        await WritePortfolioAsync(2);

        await File.WriteAllTextAsync(Folder.Portfolio, (await File.ReadAllTextAsync(Folder.Portfolio)).Replace("9900.00", "9900.01", StringComparison.Ordinal));

        Assert.False(await Trading.IsPortfolioCurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LastRecordRewrittenToTheSameLength_IsNotCurrent()
    {
        await AppendAsync(TradingData.Trades(2));
        await WritePortfolioAsync(2);
        var text = await File.ReadAllTextAsync(Folder.PaperTrades);
        var cut = text.LastIndexOf("\"cash_after\":", StringComparison.Ordinal) + "\"cash_after\":".Length;

        await File.WriteAllTextAsync(Folder.PaperTrades, text[..cut] + (text[cut] == '9' ? '8' : '9') + text[(cut + 1)..]);

        Assert.Equal(text.Length, (await File.ReadAllTextAsync(Folder.PaperTrades)).Length);
        Assert.False(await Trading.IsPortfolioCurrentAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("not json")]
    public async Task CheckpointMissingOrUnreadable_IsNotCurrent(string damage)
    {
        await AppendAsync(TradingData.Trades(2));
        await WritePortfolioAsync(2);

        if (damage == "missing")
        {
            File.Delete(Folder.LedgerCheckpoint);
        }
        else
        {
            await File.WriteAllTextAsync(Folder.LedgerCheckpoint, "{ not json");
        }

        Assert.False(await Trading.IsPortfolioCurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PortfolioThatDoesNotEndWhereTheLedgerEnds_GetsNoCheckpoint()
    {
        await AppendAsync(TradingData.Trades(3));
        await WritePortfolioAsync(3);
        Assert.True(File.Exists(Folder.LedgerCheckpoint));

        // Written over 2 of the 3 records: nothing may vouch for it, not even the earlier checkpoint.
        await WritePortfolioAsync(2);

        Assert.False(File.Exists(Folder.LedgerCheckpoint));
        Assert.False(await Trading.IsPortfolioCurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadLast_WithACurrentCheckpoint_TheTailAndTheCount()
    {
        var trades = TradingData.Trades(120);
        await AppendAsync(trades);
        await WritePortfolioAsync(120);

        var tail = await Trading.Ledger.ReadLastAsync(5, CancellationToken.None);

        Assert.Equal(120, tail.Total);
        Assert.Equal(trades.TakeLast(5), tail.Records);
    }

    [Fact]
    public async Task ReadLast_LedgerGrownSinceTheCheckpoint_CountsTheWholeLedger()
    {
        await AppendAsync(TradingData.Trades(10));
        await WritePortfolioAsync(10);
        await AppendAsync(TradingData.Trades(2, first: 11));

        var tail = await Trading.Ledger.ReadLastAsync(3, CancellationToken.None);

        Assert.Equal(12, tail.Total);
        Assert.Equal(["T000010", "T000011", "T000012"], tail.Records.Select(t => t.TradeId.Value));
    }

    [Fact]
    public async Task ReadLast_MoreThanTheLedgerHolds_EveryRecord()
    {
        await AppendAsync(TradingData.Trades(4));
        await WritePortfolioAsync(4);

        var tail = await Trading.Ledger.ReadLastAsync(50, CancellationToken.None);

        Assert.Equal(4, tail.Total);
        Assert.Equal(TradingData.Trades(4), tail.Records);
    }

    private async Task AppendAsync(IEnumerable<Trade> trades)
    {
        foreach (var trade in trades)
        {
            await Trading.Ledger.AppendAsync(trade, CancellationToken.None);
        }
    }

    private Task<string> WritePortfolioAsync(int records) =>
        Trading.WritePortfolioAsync(
            TradingData.Portfolio() with { TradeCount = records, LastTradeId = TradeId.ForSequence(records) },
            CancellationToken.None);
}
