using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Books;
using Prescient.Engine;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Refresh;

public sealed class RefreshServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A safety limit, not synchronisation: a refresh that never asks for books fails the test.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeMarketSource _source = new();
    private readonly InMemoryMarketDataStore _store = new();
    private readonly UseCaseGate _gate = new();
    private readonly RefreshService _service;

    public RefreshServiceTests()
    {
        var options = Options.Create(new TradingFilterOptions());
        _service = new RefreshService(
            new EventsRefresh(_source, _store, options, _time, NullLogger<EventsRefresh>.Instance),
            new QuotesRefresh(_source, _store, _store, _time, NullLogger<QuotesRefresh>.Instance),
            _gate);
    }

    [Fact]
    public async Task RefreshAsync_MixedEvents_KeepsExactlyThePassingOnesAndQuotesOpenMarkets()
    {
        var kept = new EventBuilder(Now).WithMarket().WithMarket(m => m.Closed()).Build();
        var thin = new EventBuilder(Now).With(e => e with { Liquidity = 10m }).Build();
        _source.Events.AddRange([kept, thin]);
        var open = kept.Markets[0];
        _source.Books[open.Yes!.TokenId!.Value] = OrderBook.Create(
            open.Yes.TokenId.Value, open.ConditionId, [new BookLevel(0.58m, 10m), new BookLevel(0.59m, 5m)], [new BookLevel(0.61m, 7m)]);

        var result = await _service.RefreshAsync(null, CancellationToken.None);

        Assert.Equal(2, result.Events.EventsDiscovered);
        Assert.Equal([kept.Id], _store.FilteredEvents!.Select(e => e.Id));
        Assert.Equal(1, result.Events.EventsDropped[FilterReason.LowLiquidity]);
        Assert.Equal(2, _store.Markets!.Markets.Count);
        Assert.True(_store.Markets.Markets[1].Closed);
        Assert.Equal(1, result.Quotes.MarketsQuoted);
        var quotes = _store.Quotes!.Quotes;
        Assert.Equal([open.Yes.TokenId.Value, open.No!.TokenId!.Value], quotes.Select(q => q.TokenId));
        Assert.Equal(0.59m, quotes[0].BestBid);
        Assert.Equal(0.61m, quotes[0].BestAsk);
        Assert.Equal(0.60m, quotes[0].Mid);
        Assert.False(quotes[1].HasBook);
        Assert.Null(quotes[1].BestBid);
        Assert.True(result.Quotes.DailyPricesWritten);
        Assert.Contains("events_full.csv", result.Events.FilesWritten);
    }

    [Fact]
    public async Task RefreshAsync_SourceFailsAfterSomePages_CommitsNothing()
    {
        _source.Events.AddRange(Enumerable.Range(0, 5).Select(_ => new EventBuilder(Now).Build()));
        _source.Failure = new MarketDataUnavailableException("gamma down");
        _source.FailAfterPages = 2;

        await Assert.ThrowsAsync<MarketDataUnavailableException>(() => _service.RefreshAsync(null, CancellationToken.None));

        Assert.Equal(0, _store.Commits);
        Assert.Null(_store.RawEvents);
    }

    [Fact]
    public async Task RefreshAsync_ManyPagesAndBatches_QuotesEveryTokenInMarketOrder()
    {
        _source.PageSize = 2;
        _source.BatchSize = 3;
        var events = Enumerable.Range(0, 5).Select(_ => new EventBuilder(Now).WithMarket().WithMarket().Build()).ToArray();
        _source.Events.AddRange(events);

        var result = await _service.RefreshAsync(null, CancellationToken.None);

        var expected = events.SelectMany(e => e.Markets).SelectMany(m => new[] { m.Yes!.TokenId!.Value, m.No!.TokenId!.Value }).ToArray();
        Assert.Equal(expected, _store.Quotes!.Quotes.Select(q => q.TokenId));
        Assert.Equal(20, result.Quotes.Tokens);
        Assert.Equal(7, _source.BookRequests.Count);
    }

    [Fact]
    public async Task RefreshAsync_BooksOfTheFirstPages_AreRequestedWhileDiscoveryStillRuns()
    {
        _source.PageSize = 2;
        _source.BatchSize = 4;
        var events = Enumerable.Range(0, 6).Select(_ => new EventBuilder(Now).WithMarket().Build()).ToArray();
        _source.Events.AddRange(events);
        var firstRequest = new TaskCompletionSource<IReadOnlyList<Domain.Ids.TokenId>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _source.OnBookRequest = batch => firstRequest.TrySetResult(batch);

        // The last page is held back until the books of the first two are asked for; without the overlap this times out.
        _source.BeforePage = page => page == 2 ? firstRequest.Task.WaitAsync(Limit) : Task.CompletedTask;
        var result = await _service.RefreshAsync(null, CancellationToken.None);

        var tokens = events.SelectMany(e => e.Markets).SelectMany(m => new[] { m.Yes!.TokenId!.Value, m.No!.TokenId!.Value }).ToArray();
        Assert.Equal(tokens[..4], await firstRequest.Task);
        Assert.Equal(tokens, _store.Quotes!.Quotes.Select(q => q.TokenId));
        Assert.Equal(3, _source.BookRequests.Count);
        Assert.Equal(12, result.Quotes.Tokens);
        Assert.Equal(6, result.Quotes.MarketsQuoted);
    }

    [Fact]
    public async Task RefreshAsync_DiscoveryFailsAfterBooksWereRequested_ThrowsItsErrorAndCommitsNothing()
    {
        _source.PageSize = 1;
        _source.BatchSize = 2;
        _source.Events.AddRange(Enumerable.Range(0, 4).Select(_ => new EventBuilder(Now).WithMarket().Build()));
        var firstRequest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _source.OnBookRequest = _ => firstRequest.TrySetResult();
        _source.BeforePage = page => page == 2 ? firstRequest.Task.WaitAsync(Limit) : Task.CompletedTask;
        _source.DiscoveryFailure = new MarketDataUnavailableException("gamma down on page 3");
        _source.FailAfterPages = 2;

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => _service.RefreshAsync(null, CancellationToken.None));

        Assert.Equal("gamma down on page 3", error.Message);
        Assert.NotEmpty(_source.BookRequests);
        Assert.Equal(0, _store.Commits);
        Assert.Null(_store.RawEvents);
        Assert.Null(_store.Quotes);
    }

    [Fact]
    public async Task RefreshAsync_BooksUnavailable_StillCommitsTheEventsFilesAndThrowsTheBooksError()
    {
        _source.Events.AddRange(Enumerable.Range(0, 3).Select(_ => new EventBuilder(Now).WithMarket().Build()));
        _source.BooksFailure = new MarketDataUnavailableException("clob down");

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => _service.RefreshAsync(null, CancellationToken.None));

        Assert.Equal("clob down", error.Message);
        Assert.Equal(3, _store.FilteredEvents!.Count);
        Assert.Equal(3, _store.Markets!.Markets.Count);
        Assert.Null(_store.Quotes);
    }

    [Fact]
    public async Task RefreshAsync_NoOpenEvents_IsAValidEmptyResult()
    {
        var result = await _service.RefreshAsync(null, CancellationToken.None);

        Assert.Equal(0, result.Events.EventsKept);
        Assert.Empty(_store.FilteredEvents!);
        Assert.Empty(_store.Quotes!.Quotes);
    }

    [Fact]
    public async Task RunQuotesAsync_NoExtractedMarkets_SaysWhatToRunFirst()
    {
        var error = await Assert.ThrowsAsync<MissingStateException>(() => _service.RunQuotesAsync(null, CancellationToken.None));

        Assert.Equal((PipelineStep.Events, "No extracted markets yet"), (error.Step, error.Missing));
    }

    [Fact]
    public async Task RunQuotesAsync_MarketsFromAnotherSource_Refuses()
    {
        await _service.RunEventsAsync(EventsStage.Extract, null, CancellationToken.None);
        var live = new QuotesRefresh(new FakeMarketSource(MarketSourceInfo.Live), _store, _store, _time, NullLogger<QuotesRefresh>.Instance);

        await Assert.ThrowsAsync<MissingStateException>(() => live.RunAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task RunQuotesAsync_SecondRunSameDay_KeepsTheFirstDailyPrices()
    {
        _source.Events.Add(new EventBuilder(Now).Build());
        await _service.RunEventsAsync(EventsStage.Extract, null, CancellationToken.None);

        var first = await _service.RunQuotesAsync(null, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        var second = await _service.RunQuotesAsync(null, CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        var nextDay = await _service.RunQuotesAsync(null, CancellationToken.None);

        Assert.True(first.DailyPricesWritten);
        Assert.False(second.DailyPricesWritten);
        Assert.True(nextDay.DailyPricesWritten);
        Assert.Equal(Now, _store.DailyPrices[DateOnly.FromDateTime(Now.UtcDateTime)].GeneratedAt);
    }

    [Fact]
    public async Task RunEventsAsync_FilterStage_DoesNotWriteMarkets()
    {
        _source.Events.Add(new EventBuilder(Now).Build());

        var result = await _service.RunEventsAsync(EventsStage.Filter, null, CancellationToken.None);

        Assert.Equal(1, result.EventsKept);
        Assert.Null(_store.Markets);
        Assert.Equal(["raw_events_backup.json", "filtered_events.json", "events_filtered.csv"], result.FilesWritten);
    }

    [Fact]
    public async Task RefreshAsync_FirstPage_IsRequestedBeforeTheEventsFilesAreOpened()
    {
        _source.Events.Add(new EventBuilder(Now).WithMarket().Build());
        var firstPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _source.BeforePage = page =>
        {
            firstPage.TrySetResult();
            return Task.CompletedTask;
        };

        // The files are held back until the first page is asked for; asked for only after them, this times out.
        _store.BeforeEventsBegin = () => firstPage.Task.WaitAsync(Limit);
        var result = await _service.RefreshAsync(null, CancellationToken.None);

        Assert.Equal(1, result.Events.EventsKept);
        Assert.Equal(2, result.Quotes.Tokens);
    }

    [Fact]
    public async Task RefreshAsync_EventsFilesCannotBeOpened_ThrowsTheStoreErrorAndCommitsNothing()
    {
        _source.Events.Add(new EventBuilder(Now).WithMarket().Build());
        _store.BeforeEventsBegin = () => throw new IOException("disk full");

        var error = await Assert.ThrowsAsync<IOException>(() => _service.RefreshAsync(null, CancellationToken.None));

        Assert.Equal("disk full", error.Message);
        Assert.Equal(0, _store.Commits);
        Assert.Null(_store.RawEvents);
        Assert.Null(_store.Quotes);
    }

    public void Dispose() => _gate.Dispose();
}
