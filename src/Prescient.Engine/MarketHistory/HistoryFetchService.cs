using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// <c>history fetch</c>: downloads the price history of tokens month by month into the
/// <see cref="IPriceHistoryCache"/>. Resumable: a complete month already on disk at the same fidelity
/// and from the same kind of source is not asked for again; the current month, a damaged file, or
/// <see cref="HistoryFetchRequest.Force"/> fetch again. A token whose history the source answers
/// unusably is logged, counted and skipped (its months written before stay); a source that cannot be
/// reached fails the fetch.
/// </summary>
public sealed class HistoryFetchService(
    IPriceHistorySource source,
    IPriceHistoryCache cache,
    IMarketDataStore markets,
    RefreshService refresh,
    IOptions<HistoryFetchOptions> options,
    TimeProvider time,
    ILogger<HistoryFetchService> logger)
{
    private readonly HistoryFetchOptions _options = options.Value;

    public async Task<HistoryFetchResult> FetchAsync(
        HistoryFetchRequest request,
        IProgress<HistoryFetchProgress>? progress,
        IProgress<RefreshProgress>? refreshProgress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.From > request.To)
        {
            throw new ArgumentException($"The first day {request.From:yyyy-MM-dd} is after the last {request.To:yyyy-MM-dd}.", nameof(request));
        }

        var fidelity = request.FidelityMinutes ?? _options.FidelityMinutes;
        ArgumentOutOfRangeException.ThrowIfLessThan(fidelity, 1, nameof(request));
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var (tokens, tokenSource) = await TokensAsync(request, refreshProgress, cancellationToken).ConfigureAwait(false);
        if (cache.RemoveLeftovers() is > 0 and var removed)
        {
            HistoryLog.LeftoversRemoved(logger, removed, cache.Location);
        }

        var first = HistoryMonth.Of(request.From);
        var last = HistoryMonth.Of(request.To);
        var current = HistoryMonth.Of(now);
        var months = HistoryMonth.Span(first, last.CompareTo(current) < 0 ? last : current).ToArray();
        var tally = new Tally(tokens.Count, progress);
        tally.Report();
        await Parallel.ForEachAsync(
            tokens,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
            async (token, ct) => await FetchTokenAsync(token, months, fidelity, request.Force, now, tally, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        var failures = tally.Failures.OrderBy(f => f.Token).ToArray();
        HistoryLog.Fetched(logger, first.ToString(), last.ToString(), fidelity, tokens.Count, tally.Fetched, tally.Reused, tally.Repaired, failures.Length, tally.Requests);
        return new HistoryFetchResult
        {
            Source = source.Info,
            TokenSource = tokenSource,
            FirstMonth = first,
            LastMonth = last,
            FidelityMinutes = fidelity,
            Tokens = tokens.Count,
            MonthsFetched = tally.Fetched,
            MonthsReused = tally.Reused,
            MonthsRepaired = tally.Repaired,
            MonthsIncomplete = tally.Incomplete,
            Points = tally.Points,
            Requests = tally.Requests,
            Failures = failures,
            Location = cache.Location,
            Duration = time.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// The tokens given, or both tokens of every market of the last refresh; when there is none yet, or
    /// it came from another source, the events stage of a refresh runs first (discover, filter, extract).
    /// </summary>
    private async Task<(IReadOnlyList<TokenId> Tokens, HistoryTokenSource From)> TokensAsync(
        HistoryFetchRequest request,
        IProgress<RefreshProgress>? refreshProgress,
        CancellationToken cancellationToken)
    {
        if (request.Tokens is { } given)
        {
            return (given.Distinct().Order().ToArray(), HistoryTokenSource.Given);
        }

        var from = HistoryTokenSource.LastRefresh;
        var stored = await markets.ReadMarketsAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Source.Name != source.Info.Name)
        {
            await refresh.RunEventsAsync(EventsStage.Extract, refreshProgress, cancellationToken).ConfigureAwait(false);
            stored = await markets.ReadMarketsAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new MissingStateException("No extracted markets yet", PipelineStep.Events);
            from = HistoryTokenSource.NewRefresh;
        }

        var tokens = stored.Markets
            .SelectMany(m => new[] { m.YesTokenId, m.NoTokenId })
            .OfType<TokenId>()
            .Distinct()
            .Order()
            .ToArray();
        return (tokens, from);
    }

    private async Task FetchTokenAsync(TokenId token, HistoryMonth[] months, int fidelity, bool force, DateTimeOffset now, Tally tally, CancellationToken ct)
    {
        try
        {
            foreach (var month in months)
            {
                var repaired = false;
                if (!force)
                {
                    var cached = await cache.InspectAsync(token, month, ct).ConfigureAwait(false);
                    if (cached is { State: CachedMonthState.Stored, Complete: true } && cached.FidelityMinutes == fidelity && cached.Simulated == source.Info.IsSimulated)
                    {
                        tally.Reuse();
                        continue;
                    }

                    if (cached.State == CachedMonthState.Damaged)
                    {
                        HistoryLog.DamagedMonth(logger, token.Value, month.ToString(), cached.Problem!);
                        repaired = true;
                    }
                }

                var points = await MonthDownload.RunAsync(source, token, month, fidelity, _options.RequestSpan, now, tally.Request, ct).ConfigureAwait(false);
                var complete = now >= month.End + _options.SettleTime;
                await cache.WriteAsync(new PriceMonth(token, month, fidelity, now, complete, source.Info.IsSimulated, points), ct).ConfigureAwait(false);
                tally.Fetch(points.Length, repaired, complete);
            }

            tally.TokenDone();
        }
        catch (MarketDataUnavailableException e) when (e.SourceReached)
        {
            HistoryLog.TokenSkipped(logger, token.Value, e.Message);
            tally.Fail(new HistoryFailure(token, e.Message));
        }
    }

    /// <summary>Counters shared by the tokens fetched at once.</summary>
    private sealed class Tally(int total, IProgress<HistoryFetchProgress>? progress)
    {
        private readonly ConcurrentBag<HistoryFailure> _failures = [];
        private int _done;
        private int _fetched;
        private int _reused;
        private int _repaired;
        private int _incomplete;
        private int _requests;
        private long _points;

        public IReadOnlyCollection<HistoryFailure> Failures => _failures;

        public int Fetched => Volatile.Read(ref _fetched);

        public int Reused => Volatile.Read(ref _reused);

        public int Repaired => Volatile.Read(ref _repaired);

        public int Incomplete => Volatile.Read(ref _incomplete);

        public int Requests => Volatile.Read(ref _requests);

        public long Points => Interlocked.Read(ref _points);

        public void Request() => Interlocked.Increment(ref _requests);

        public void Reuse() => Interlocked.Increment(ref _reused);

        public void Fetch(int points, bool repaired, bool complete)
        {
            Interlocked.Increment(ref _fetched);
            Interlocked.Add(ref _points, points);
            if (repaired)
            {
                Interlocked.Increment(ref _repaired);
            }

            if (!complete)
            {
                Interlocked.Increment(ref _incomplete);
            }
        }

        public void TokenDone()
        {
            Interlocked.Increment(ref _done);
            Report();
        }

        public void Fail(HistoryFailure failure)
        {
            _failures.Add(failure);
            TokenDone();
        }

        public void Report() =>
            progress?.Report(new HistoryFetchProgress(Volatile.Read(ref _done), total, Fetched, Reused, _failures.Count));
    }
}
