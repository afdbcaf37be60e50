using System.Runtime.CompilerServices;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.MarketHistory;

/// <summary>
/// The data folder's own snapshots as a <see cref="IMarketHistory"/>: every
/// <c>markets/daily_prices_YYYY-MM-DD.json</c> and the latest <c>markets/market_cache.json</c>, one point
/// per quoted token per snapshot, at the snapshot's <c>generated_at</c>. The price is the book's mid, or
/// the last trade when a side was empty; a token with neither has no point there. Snapshots are few
/// (one a day), so all are read once, on first use, into one array per token. Resolutions come from the
/// last refresh's markets.
/// </summary>
public sealed class DailyPricesMarketHistory : IMarketHistory
{
    private readonly DataFolder _folder;
    private readonly IMarketDataStore _markets;
    private readonly HistoryResolutions _resolutions;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<TokenId, HistoryPoint[]>? _points;

    public DailyPricesMarketHistory(DataFolder folder, IMarketDataStore markets)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _markets = markets ?? throw new ArgumentNullException(nameof(markets));
        _resolutions = new HistoryResolutions(markets);
    }

    public string Name => "daily prices";

    public async Task<IReadOnlyList<TokenId>> TokensAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        var (first, end) = (from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds());
        return index.Where(p => !CachedMarketHistory.Slice(p.Value, first, end).IsEmpty).Select(p => p.Key).Order().ToArray();
    }

    public async IAsyncEnumerable<ReadOnlyMemory<HistoryPoint>> ReadAsync(
        TokenId token,
        DateTimeOffset from,
        DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = await IndexAsync(cancellationToken).ConfigureAwait(false);
        if (to > from && index.TryGetValue(token, out var points)
            && CachedMarketHistory.Slice(points, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds()) is { IsEmpty: false } slice)
        {
            yield return slice;
        }
    }

    public Task<HistoryResolution?> ResolutionAsync(TokenId token, CancellationToken cancellationToken) =>
        _resolutions.OfAsync(token, cancellationToken);

    private async Task<Dictionary<TokenId, HistoryPoint[]>> IndexAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _points) is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _points ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<TokenId, HistoryPoint[]>> LoadAsync(CancellationToken cancellationToken)
    {
        var points = new Dictionary<TokenId, List<HistoryPoint>>();
        var files = Directory.Exists(_folder.MarketsDirectory)
            ? Directory.EnumerateFiles(_folder.MarketsDirectory, "daily_prices_*.json").Order(StringComparer.Ordinal).ToArray()
            : [];
        foreach (var file in files)
        {
            if (await JsonFile.ReadAsync<DailyPricesEnvelope>(file, cancellationToken).ConfigureAwait(false) is { } day)
            {
                foreach (var price in day.Prices)
                {
                    Add(points, price.TokenId, day.GeneratedAt, price.Mid ?? price.LastTradePrice);
                }
            }
        }

        if (await _markets.ReadQuotesAsync(cancellationToken).ConfigureAwait(false) is { } latest)
        {
            foreach (TokenQuote quote in latest.Quotes)
            {
                Add(points, quote.TokenId, latest.GeneratedAt, quote.Mid ?? quote.LastTradePrice);
            }
        }

        return points.ToDictionary(p => p.Key, p => Sorted(p.Value));
    }

    private static void Add(Dictionary<TokenId, List<HistoryPoint>> points, TokenId token, DateTimeOffset time, decimal? price)
    {
        if (price is not (>= 0m and <= 1m))
        {
            return;
        }

        if (!points.TryGetValue(token, out var list))
        {
            points[token] = list = [];
        }

        list.Add(HistoryPoint.At(time, price.Value));
    }

    /// <summary>Oldest first, one point per second: a day's file and the cache written by the same quote run coincide.</summary>
    private static HistoryPoint[] Sorted(List<HistoryPoint> points)
    {
        points.Sort((a, b) => a.UnixSeconds.CompareTo(b.UnixSeconds));
        var kept = new List<HistoryPoint>(points.Count);
        foreach (var point in points)
        {
            if (kept.Count > 0 && kept[^1].UnixSeconds == point.UnixSeconds)
            {
                kept[^1] = point;
            }
            else
            {
                kept.Add(point);
            }
        }

        return [.. kept];
    }
}
