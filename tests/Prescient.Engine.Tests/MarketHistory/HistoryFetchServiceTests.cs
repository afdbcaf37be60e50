using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Ids;
using Prescient.Engine.Filters;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.MarketHistory;

public sealed class HistoryFetchServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TokenId A = TokenId.Create("101");
    private static readonly TokenId B = TokenId.Create("202");
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakePriceHistorySource _source = new();
    private readonly InMemoryPriceHistoryCache _cache = new();
    private readonly FakeMarketSource _markets = new();
    private readonly InMemoryMarketDataStore _store = new();

    [Fact]
    public async Task FetchAsync_ThreeMonths_WritesEachTokenMonthInWindowsAndOnlyTheCurrentOneIsIncomplete()
    {
        var result = await Service().FetchAsync(Request(A, B), null, null, CancellationToken.None);

        // January: 15 + 15 + 1 days, February: 15 + 13, March to now: 9.5 days.
        Assert.Equal(2 * 6, _source.Requests.Count);
        Assert.Equal((6, 2, 0), (result.MonthsFetched, result.MonthsIncomplete, result.MonthsReused));
        var january = _cache.Get(A, new HistoryMonth(2026, 1))!;
        Assert.True(january.Complete);
        Assert.Equal(31 * 24, january.Points.Length);
        Assert.Equal(new HistoryMonth(2026, 1).Start, january.Points[0].Time);
        Assert.True(january.Points.Zip(january.Points.Skip(1)).All(p => p.Second.UnixSeconds - p.First.UnixSeconds == 3600));
        var march = _cache.Get(B, new HistoryMonth(2026, 3))!;
        Assert.False(march.Complete);
        Assert.Equal(Now, march.Points[^1].Time);
        Assert.Equal(result.Points, (31 + 28) * 24 * 2 + (2 * march.Points.Length));
    }

    [Fact]
    public async Task FetchAsync_Again_SkipsCompleteMonthsAndRefetchesOnlyTheCurrentOne()
    {
        await Service().FetchAsync(Request(A, B), null, null, CancellationToken.None);
        _source.Requests.Clear();

        var again = await Service().FetchAsync(Request(A, B), null, null, CancellationToken.None);

        Assert.Equal([(A, new HistoryMonth(2026, 3).Start), (B, new HistoryMonth(2026, 3).Start)], _source.Requests.Select(r => (r.Token, r.From)).Order());
        Assert.Equal((2, 4, 2), (again.MonthsFetched, again.MonthsReused, again.Requests));
    }

    [Fact]
    public async Task FetchAsync_Force_FetchesCompleteMonthsAgain()
    {
        await Service().FetchAsync(Request(A), null, null, CancellationToken.None);
        _source.Requests.Clear();

        var forced = await Service().FetchAsync(Request(A) with { Force = true }, null, null, CancellationToken.None);

        Assert.Equal((3, 0, 6), (forced.MonthsFetched, forced.MonthsReused, _source.Requests.Count));
    }

    [Fact]
    public async Task FetchAsync_DamagedMonth_IsFetchedAgainAndCountedAsRepaired()
    {
        await Service().FetchAsync(Request(A), null, null, CancellationToken.None);
        _cache.Damage(A, new HistoryMonth(2026, 2));
        _source.Requests.Clear();

        var result = await Service().FetchAsync(Request(A), null, null, CancellationToken.None);

        Assert.Equal((2, 1, 1), (result.MonthsFetched, result.MonthsRepaired, result.MonthsReused));
        Assert.Equal(CachedMonthState.Stored, (await _cache.InspectAsync(A, new HistoryMonth(2026, 2), CancellationToken.None)).State);
    }

    [Fact]
    public async Task FetchAsync_OtherFidelityOrSourceOnDisk_IsNotReused()
    {
        await Service().FetchAsync(Request(A), null, null, CancellationToken.None);

        var finer = await Service().FetchAsync(Request(A) with { FidelityMinutes = 30 }, null, null, CancellationToken.None);
        var live = await Service(new FakePriceHistorySource(MarketSourceInfo.Live)).FetchAsync(Request(A) with { FidelityMinutes = 30 }, null, null, CancellationToken.None);

        Assert.Equal((3, 0), (finer.MonthsFetched, finer.MonthsReused));
        Assert.Equal((3, 0), (live.MonthsFetched, live.MonthsReused));
        Assert.Equal(31 * 48, _cache.Get(A, new HistoryMonth(2026, 1))!.Points.Length);
    }

    [Fact]
    public async Task FetchAsync_TokenWithABadReply_IsSkippedAndCountedTheOthersFetched()
    {
        _source.BadReplies.Add(B);

        var result = await Service().FetchAsync(Request(A, B), null, null, CancellationToken.None);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(B, failure.Token);
        Assert.Contains("history array", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(3, result.MonthsFetched);
        Assert.Null(_cache.Get(B, new HistoryMonth(2026, 1)));
    }

    [Fact]
    public async Task FetchAsync_SourceUnreachable_Throws()
    {
        _source.Unreachable = true;

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => Service().FetchAsync(Request(A, B), null, null, CancellationToken.None));

        Assert.False(error.SourceReached);
        Assert.Equal(0, _cache.Writes);
    }

    [Fact]
    public async Task FetchAsync_OverlappingWindowEdges_KeepEachPointOnce()
    {
        var result = await Service(span: TimeSpan.FromHours(5)).FetchAsync(Request(A) with { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 1, 31) }, null, null, CancellationToken.None);

        var points = _cache.Get(A, new HistoryMonth(2026, 1))!.Points;
        Assert.Equal(31 * 24, points.Length);
        Assert.Equal(points.Length, points.Select(p => p.UnixSeconds).Distinct().Count());
        Assert.Equal(31 * 24 / 5 + 1, result.Requests);
    }

    [Fact]
    public async Task FetchAsync_NoTokensAndNoRefreshYet_RunsTheEventsStageAndTakesBothTokensOfEachMarket()
    {
        var e = new EventBuilder(Now).WithMarket().WithMarket().Build();
        _markets.Events.Add(e);
        var progress = new List<HistoryFetchProgress>();

        var result = await Service().FetchAsync(new HistoryFetchRequest(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), new Collect(progress), null, CancellationToken.None);

        Assert.Equal(HistoryTokenSource.NewRefresh, result.TokenSource);
        var expected = e.Markets.SelectMany(m => m.Outcomes).Select(o => o.TokenId!.Value).Order().ToArray();
        Assert.Equal(expected, _source.Requests.Select(r => r.Token).Order());
        Assert.Equal(4, result.Tokens);
        Assert.Equal(new HistoryFetchProgress(4, 4, 4, 0, 0), progress.MaxBy(p => p.TokensDone));
        Assert.NotNull(_store.Markets);

        var again = await Service().FetchAsync(new HistoryFetchRequest(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), null, null, CancellationToken.None);
        Assert.Equal(HistoryTokenSource.LastRefresh, again.TokenSource);
    }

    private static HistoryFetchRequest Request(params TokenId[] tokens) =>
        new(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 31)) { Tokens = tokens };

    private HistoryFetchService Service(FakePriceHistorySource? source = null, TimeSpan? span = null)
    {
        var filters = Options.Create(new TradingFilterOptions());
        var refresh = new RefreshService(
            new EventsRefresh(_markets, _store, filters, _time, NullLogger<EventsRefresh>.Instance),
            new QuotesRefresh(_markets, _store, _store, _time, NullLogger<QuotesRefresh>.Instance),
            new UseCaseGate());
        return new HistoryFetchService(
            source ?? _source,
            _cache,
            _store,
            refresh,
            Options.Create(new HistoryFetchOptions { RequestSpan = span ?? TimeSpan.FromDays(15), Concurrency = 2 }),
            _time,
            NullLogger<HistoryFetchService>.Instance);
    }

    private sealed class Collect(List<HistoryFetchProgress> into) : IProgress<HistoryFetchProgress>
    {
        public void Report(HistoryFetchProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
