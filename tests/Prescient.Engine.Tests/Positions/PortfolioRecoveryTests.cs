using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Positions;

/// <summary>
/// A ledger of four records (buy A, buy B, settle A, buy C) and <c>portfolio.json</c> in the states a
/// kill, a hand edit or a lost file leave it.
/// </summary>
public sealed class PortfolioRecoveryTests : IDisposable
{
    private const decimal InitialCash = 10_000m;
    private readonly PaperAccount _account = new(InitialCash);
    private readonly InMemoryTradingStore _store = new();
    private readonly FakeTimeProvider _time = new(Now.AddDays(2));
    private readonly UseCaseGate _gate = new();
    private readonly RecordingLogger<PortfolioRecovery> _logger = new();
    private readonly PortfolioRecovery _recovery;
    private readonly TokenId _heldThroughout;

    public PortfolioRecoveryTests()
    {
        var first = Row();
        var second = Row();
        var third = Row();
        _account.Buy(BuyNo(first), first, NoBook(first, (0.40m, 1_000m)), Now);
        _account.Buy(BuyNo(second), second, NoBook(second, (0.30m, 1_000m)), Now);
        _account.Settle(first, 1m, Now.AddDays(1));
        _account.Buy(BuyNo(third, price: 0.60m) with { CreatedAt = Now.AddDays(1) }, third, Book(third.NoTokenId!.Value, Now.AddDays(1), [(0.60m, 1_000m)]), Now.AddDays(1));
        Assert.Equal(4, _account.Ledger.Count);
        _heldThroughout = second.NoTokenId!.Value;
        _recovery = new PortfolioRecovery(_store, Options.Create(new TradingOptions { InitialCash = InitialCash }), MarketSourceInfo.Sample, _gate, _time, _logger);
    }

    [Fact]
    public async Task RecoverAsync_PortfolioBehindByTwoRecords_RebuildsFromTheWholeLedgerKeepingStoredMarks()
    {
        await GivenLedgerAsync(4);
        _store.Portfolio = StoredAfter(2);

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.True(result.IsConsistent);
        var repair = Assert.IsType<PortfolioRepair>(result.Repair);
        Assert.Equal((2, 4, "T000003", "T000004", false), (repair.Applied, repair.LedgerRecords, repair.FirstMissing.Value, repair.LastMissing.Value, repair.WasMissing));
        Assert.Equal("portfolio.json was 2 records behind the ledger (an interrupted run); rebuilt", repair.Message);
        var written = _store.Portfolio!;
        Assert.Empty(PortfolioCheck.Compare(written, Portfolio.Replay(Usdc.Create(InitialCash), _account.Ledger)));
        Assert.Equal(_time.GetUtcNow(), written.GeneratedAt);
        var kept = Assert.Single(written.Positions, p => p.TokenId == _heldThroughout);
        Assert.Equal((0.2m, MarkSource.BestBid, Now, "not known upstream"), (kept.Mark, kept.MarkSource, kept.MarkedAt, kept.LookupProblem));
        var bought = Assert.Single(written.Positions, p => p.TokenId != _heldThroughout);
        Assert.Equal((bought.AverageEntryPrice, MarkSource.Entry), (bought.Mark, bought.MarkSource));
        var (level, message) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("2 records behind the ledger (2 of 4 applied; T000003 to T000004 missing)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverAsync_OneRecordBehind_SaysRecordInTheSingular()
    {
        await GivenLedgerAsync(4);
        _store.Portfolio = StoredAfter(3);

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.Equal("portfolio.json was 1 record behind the ledger (an interrupted run); rebuilt", result.Repair?.Message);
        Assert.Equal(4, _store.Portfolio!.TradeCount);
    }

    [Fact]
    public async Task RecoverAsync_PortfolioMissingWithALedger_RebuildsItAsBehindByEveryRecord()
    {
        await GivenLedgerAsync(4);

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.True(result.IsConsistent);
        Assert.Equal((0, 4, true), (result.Repair!.Applied, result.Repair.RecordsBehind, result.Repair.WasMissing));
        Assert.Equal("portfolio.json was 4 records behind the ledger (an interrupted run); rebuilt", result.Repair.Message);
        Assert.Empty(PortfolioCheck.Compare(_store.Portfolio!, Portfolio.Replay(Usdc.Create(InitialCash), _account.Ledger)));
        Assert.All(_store.Portfolio!.Positions, p => Assert.Equal(MarkSource.Entry, p.MarkSource));
        Assert.Contains("missing, 4 records behind the ledger (T000001 to T000004)", Assert.Single(_logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverAsync_PortfolioUpToDate_WritesAndLogsNothing()
    {
        await GivenLedgerAsync(4);
        var stored = StoredAfter(4);
        _store.Portfolio = stored;

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.True(result.IsConsistent);
        Assert.Null(result.Repair);
        Assert.Same(stored, _store.Portfolio);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task RecoverAsync_EmptyLedgerAndNoPortfolio_NothingToDo()
    {
        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.True(result.IsConsistent);
        Assert.Equal((0, InitialCash), (result.LedgerRecords, result.Rebuilt!.Cash.Value));
        Assert.Null(result.Repair);
        Assert.Null(_store.Portfolio);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task RecoverAsync_PortfolioAheadOfTheLedger_IsCorruptionAndLeftAsItIs()
    {
        await GivenLedgerAsync(2);
        var stored = StoredAfter(4);
        _store.Portfolio = stored;

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.False(result.IsConsistent);
        Assert.Contains("trade_count: portfolio.json has 4, the ledger gives 2", result.Differences);
        Assert.Null(result.Repair);
        Assert.Same(stored, _store.Portfolio);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task RecoverAsync_EmptyLedgerUnderAPortfolio_IsCorruption()
    {
        var stored = StoredAfter(1);
        _store.Portfolio = stored;

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.False(result.IsConsistent);
        Assert.Contains("trade_count: portfolio.json has 1, the ledger gives 0", result.Differences);
        Assert.Same(stored, _store.Portfolio);
    }

    [Fact]
    public async Task RecoverAsync_BehindButCashChanged_MatchesNoPrefixAndListsTheDifferences()
    {
        await GivenLedgerAsync(4);
        var stored = StoredAfter(2) with { Cash = StoredAfter(2).Cash + 0.01m };
        _store.Portfolio = stored;

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.False(result.IsConsistent);
        var whole = Portfolio.Replay(Usdc.Create(InitialCash), _account.Ledger);
        Assert.Contains($"cash: portfolio.json has {stored.Cash}, the ledger gives {whole.Cash}", result.Differences);
        Assert.Contains("trade_count: portfolio.json has 2, the ledger gives 4", result.Differences);
        Assert.Null(result.Repair);
        Assert.Same(stored, _store.Portfolio);
    }

    [Fact]
    public async Task RecoverAsync_LedgerThatDoesNotAddUp_ReportsItAndLeavesThePortfolio()
    {
        await GivenLedgerAsync(1);
        var stored = StoredAfter(1);
        _store.Portfolio = stored;
        await _store.AppendAsync(_account.Ledger[1] with { CashAfter = _account.Ledger[1].CashAfter + Usdc.Create(1m) }, CancellationToken.None);

        var result = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.Null(result.Rebuilt);
        Assert.Contains("T000002", Assert.Single(result.Differences), StringComparison.Ordinal);
        Assert.Same(stored, _store.Portfolio);
    }

    [Fact]
    public async Task RecoverAsync_AfterARepairInTheSameProcess_StillReportsIt()
    {
        await GivenLedgerAsync(4);
        _store.Portfolio = StoredAfter(1);
        var first = await _recovery.RecoverAsync(CancellationToken.None);

        var again = await _recovery.RecoverAsync(CancellationToken.None);

        Assert.True(again.IsConsistent);
        Assert.Equal(first.Repair, again.Repair);
        Assert.Equal(3, again.Repair!.RecordsBehind);
        Assert.Single(_logger.Entries);
    }

    public void Dispose() => _gate.Dispose();

    private async Task GivenLedgerAsync(int records)
    {
        foreach (var trade in _account.Ledger.Take(records))
        {
            await _store.AppendAsync(trade, CancellationToken.None);
        }
    }

    /// <summary>portfolio.json as the run wrote it after the first <paramref name="records"/> records: the held token marked at its best bid, its market not found upstream.</summary>
    private PortfolioSnapshot StoredAfter(int records)
    {
        var portfolio = Portfolio.Replay(Usdc.Create(InitialCash), _account.Ledger.Take(records));
        var marks = new Dictionary<TokenId, Mark> { [_heldThroughout] = new(0.2m, MarkSource.BestBid, Now) };
        var problems = portfolio.Positions.Where(p => p.TokenId == _heldThroughout).ToDictionary(p => p.MarketId, _ => "not known upstream");
        return PortfolioValuation.Value(portfolio, marks, Now, MarketSourceInfo.Sample, problems);
    }
}
