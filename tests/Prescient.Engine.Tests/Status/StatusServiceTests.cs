using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Runs;
using Prescient.Engine.Status;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Status;

public sealed class StatusServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemoryRunLog _runs = new();
    private readonly InMemoryTradingStore _trading = new();
    private readonly InMemoryMarketDataStore _exports = new();
    private readonly UseCaseGate _gate = new();
    private readonly FixedSchedule _schedule = new();
    private readonly FixedFreshness _freshness = new();
    private readonly StatusService _service;

    public StatusServiceTests()
    {
        var portfolio = new PortfolioService(_trading, _exports, Options.Create(new TradingOptions()), MarketSourceInfo.Sample, _gate, _time);
        _service = new StatusService(_runs, _schedule, _freshness, portfolio, MarketSourceInfo.Sample, _time);
    }

    [Fact]
    public async Task GetAsync_RunsAndFiles_ReportsTheLastOfEachKindAndEachFileAge()
    {
        await _runs.AppendAsync(new RunRecord(RunKinds.Cycle, Now.AddDays(-1), Now.AddDays(-1).AddMinutes(1), true, "yesterday"), CancellationToken.None);
        await _runs.AppendAsync(new RunRecord(RunKinds.EndOfDay, Now.AddHours(-18), Now.AddHours(-18), true, "closed"), CancellationToken.None);
        await _runs.AppendAsync(new RunRecord(RunKinds.Cycle, Now.AddHours(-3), Now.AddHours(-3), false, "Gamma unreachable"), CancellationToken.None);
        _freshness.Files =
        [
            new FileFreshness("events/filtered_markets.json", Now.AddHours(-3), "sample", null),
            new FileFreshness("trades/current_signals.json", null, null, null),
            new FileFreshness("trades/portfolio.json", null, null, "Cannot read trades/portfolio.json: bad JSON"),
            new FileFreshness("markets/market_cache.json", Now.AddSeconds(5), "sample", null),
        ];

        var status = await _service.GetAsync(CancellationToken.None);

        Assert.Equal(Now, status.At);
        Assert.Equal((false, "Gamma unreachable"), (status.LastCycle!.Succeeded, status.LastCycle.Summary));
        Assert.Equal("closed", status.LastEndOfDay!.Summary);
        Assert.Same(_schedule.Status, status.Schedule);
        Assert.Equal(Now, _schedule.AskedAt);
        Assert.Equal(TimeSpan.FromHours(3), status.Data[0].Age);
        Assert.Equal((false, (TimeSpan?)null), (status.Data[1].Exists, status.Data[1].Age));
        Assert.NotNull(status.Data[2].Problem);
        Assert.Equal(TimeSpan.Zero, status.Data[3].Age);
    }

    [Fact]
    public async Task GetAsync_PositionsNotLookedUpInTheLastRun_AreCounted()
    {
        var row = Trading.TradingData.Row();
        var portfolio = Domain.Positions.Portfolio.Replay(Usdc.Create(10_000m), []);
        var fill = new Domain.Trading.Fill(Shares.Create(10m), Price.Create(0.4m), Usdc.Create(4m), Usdc.Create(0m), Price.Create(0.4m), Usdc.Create(0m), [new Domain.Trading.FillLevel(Price.Create(0.4m), Shares.Create(10m))], Now);
        portfolio.Apply(portfolio.CreateBuy(Trading.TradingData.BuyNo(row), fill, Now, "sample"));
        var snapshot = PortfolioValuation.Value(
            portfolio, new Dictionary<Domain.Ids.TokenId, Domain.Positions.Mark>(), Now, MarketSourceInfo.Sample,
            new Dictionary<Domain.Ids.MarketId, string> { [row.MarketId] = "malformed JSON body" });
        await _trading.WritePortfolioAsync(snapshot, CancellationToken.None);

        var status = await _service.GetAsync(CancellationToken.None);

        Assert.Equal(1, status.Portfolio.HeldMarketsNotLookedUp);
    }

    [Fact]
    public async Task GetAsync_NothingRunYet_ShowsTheInitialCashAndNoRuns()
    {
        var status = await _service.GetAsync(CancellationToken.None);

        Assert.Null(status.LastCycle);
        Assert.Null(status.LastEndOfDay);
        Assert.Equal(new TradingOptions().InitialCash, status.Portfolio.Equity);
        Assert.Equal((0m, 0, 0), (status.Portfolio.TotalPnl, status.Portfolio.OpenPositions, status.Portfolio.TradeCount));
        Assert.True(status.Source.IsSimulated);
    }

    [Fact]
    public async Task GetAsync_WhileAUseCaseHoldsTheGate_StillAnswers()
    {
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        var writer = _gate.RunAsync(
            async _ =>
            {
                holding.SetResult();
                await release.Task;
                return 0;
            },
            CancellationToken.None);
        await holding.Task;

        var status = await _service.GetAsync(CancellationToken.None);

        release.SetResult();
        await writer;
        Assert.Equal(Now, status.At);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class FixedSchedule : IRunSchedule
    {
        public ScheduleStatus Status { get; } = new(true, false, "Europe/Paris", [new NextRun(RunKinds.Cycle, "0 9 * * *", Now.AddHours(20))]);

        public DateTimeOffset? AskedAt { get; private set; }

        public ScheduleStatus Describe(DateTimeOffset now)
        {
            AskedAt = now;
            return Status;
        }
    }

    private sealed class FixedFreshness : IDataFreshness
    {
        public IReadOnlyList<FileFreshness> Files { get; set; } = [];

        public Task<IReadOnlyList<FileFreshness>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Files);
    }
}
