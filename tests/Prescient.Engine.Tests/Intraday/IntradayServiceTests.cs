using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Extraction;
using Prescient.Engine.Intraday;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Settlement;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Intraday;

/// <summary>
/// The intraday step with the real threshold strategy and executor: the stored quotes of the morning
/// (YES at 0.40, no signal) and then the live books (YES at 0.60): the strategy buys NO on the live
/// books, once, and the exchange's REST books are never asked for (the fake source has none).
/// </summary>
public sealed class IntradayServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeMarketSource _source = new();
    private readonly InMemoryMarketDataStore _marketData = new();
    private readonly InMemoryTradingStore _trading = new();
    private readonly UseCaseGate _gate = new();
    private readonly LiveBooks _live;
    private readonly ExecutionService _execution;
    private readonly IntradayService _intraday;
    private readonly MarketRow _row = Row();

    public IntradayServiceTests()
    {
        _live = new LiveBooks(_time);
        var options = Options.Create(new TradingOptions());
        var strategy = new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions()));
        _execution = new ExecutionService(
            _source, _marketData, _trading, _marketData, Executor(options.Value, strategy),
            new SettlementService(_source, _time, NullLogger<SettlementService>.Instance), options, _gate, _time,
            NullLogger<ExecutionService>.Instance, null, _live);
        _intraday = new IntradayService(_source, _marketData, _trading, strategy, _execution, _live, options, _time, NullLogger<IntradayService>.Instance);
        _source.Lookups[_row.MarketId] = OpenLookup(_row);
        _marketData.Markets = new MarketsSnapshot(Now, MarketSourceInfo.Sample, [_row]);
        var (yes, no) = Books(yesBid: 0.39m, at: Now);
        _marketData.Quotes = new QuotesSnapshot(Now, MarketSourceInfo.Sample, [TokenQuote.From(_row, yes.TokenId, "Yes", yes), TokenQuote.From(_row, no.TokenId, "No", no)]);
    }

    [Fact]
    public async Task OnTheMorningQuotes_NothingIsBought()
    {
        var result = await _intraday.EvaluateAsync([_row.MarketId], CancellationToken.None);

        Assert.Equal(1, result.Markets);
        Assert.Empty(result.Signals);
        Assert.Null(result.Execution);
        Assert.Empty(await _trading.Ledger.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LiveBooksPastTheThreshold_BuyNoAtTheLiveAsk_Once()
    {
        _time.Advance(TimeSpan.FromHours(2));
        GivenLive(yesBid: 0.59m);

        var first = await _intraday.EvaluateAsync([_row.MarketId], CancellationToken.None);
        var again = await _intraday.EvaluateAsync([_row.MarketId], CancellationToken.None);

        var signal = Assert.Single(first.Signals);
        Assert.Equal(SignalId.For(Today, _row.MarketId, "buy_no"), signal.SignalId);
        Assert.Equal(SignalAction.BuyNo, signal.Action);
        var trade = Assert.Single(first.Execution!.Trades);
        Assert.Equal(0.41m, trade.Price.Value);
        Assert.Empty(_source.BookRequests);
        Assert.Empty(again.Signals);
        Assert.Single(await _trading.Ledger.ReadAllAsync(CancellationToken.None), t => t.Kind == TradeKind.Buy);
    }

    [Fact]
    public async Task TheCycleExecutingTheSameSignalLater_DoesNotBuyAgain()
    {
        _time.Advance(TimeSpan.FromHours(2));
        GivenLive(yesBid: 0.59m);
        var intraday = await _intraday.EvaluateAsync([_row.MarketId], CancellationToken.None);
        _trading.Signals = new SignalsSnapshot(_time.GetUtcNow(), MarketSourceInfo.Sample, "threshold", new Dictionary<string, string>(), intraday.Signals, []);

        var cycle = await _execution.ExecuteAsync(CancellationToken.None);

        Assert.Empty(cycle.Trades);
        Assert.Equal(RejectionReason.AlreadyExecuted, Assert.Single(cycle.Rejections).Reason);
        Assert.Single(await _trading.Ledger.ReadAllAsync(CancellationToken.None), t => t.Kind == TradeKind.Buy);
    }

    [Fact]
    public async Task ALiveBookOlderThanTheBookAgeLimit_IsNotUsed_AndTheRestBookIsFetched()
    {
        GivenLive(yesBid: 0.59m);
        _time.Advance(new TradingOptions().MaxBookAge + TimeSpan.FromSeconds(1));

        var result = await _intraday.EvaluateAsync([_row.MarketId], CancellationToken.None);

        // The strategy sees the stored morning quotes again (YES 0.40): no signal, no REST fetch either.
        Assert.Empty(result.Signals);
        Assert.Empty(_source.BookRequests);
    }

    public void Dispose() => _gate.Dispose();

    private void GivenLive(decimal yesBid)
    {
        var (yes, no) = Books(yesBid, _time.GetUtcNow());
        _live.Update(yes);
        _live.Update(no);
    }

    /// <summary>The YES book at <paramref name="yesBid"/> / bid + 0.02 and its NO mirror, 1,000 shares a level.</summary>
    private (OrderBook Yes, OrderBook No) Books(decimal yesBid, DateTimeOffset at)
    {
        var yes = Book(_row.YesTokenId!.Value, at, [(yesBid + 0.02m, 1_000m)], [(yesBid, 1_000m)]);
        return (yes, Mirror(yes, _row.NoTokenId!.Value));
    }
}
