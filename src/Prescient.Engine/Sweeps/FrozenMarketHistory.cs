using System.Runtime.CompilerServices;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;

namespace Prescient.Engine.Sweeps;

/// <summary>
/// A market history read once and then shared, read-only, by every backtest of a sweep: each token's points
/// over the sweep's range in one array (24 bytes a point), handed out as month chunks that are slices of it;
/// the token lists of the ranges asked for up front as the source gave them. Safe for concurrent readers.
/// </summary>
public sealed class FrozenMarketHistory : IMarketHistory
{
    private readonly Dictionary<(DateTimeOffset, DateTimeOffset), IReadOnlyList<TokenId>> _tokens;
    private readonly Dictionary<TokenId, HistoryPoint[]> _points;
    private readonly Dictionary<TokenId, HistoryResolution> _resolutions;

    private FrozenMarketHistory(string name, Dictionary<(DateTimeOffset, DateTimeOffset), IReadOnlyList<TokenId>> tokens, Dictionary<TokenId, HistoryPoint[]> points, Dictionary<TokenId, HistoryResolution> resolutions)
    {
        Name = name;
        _tokens = tokens;
        _points = points;
        _resolutions = resolutions;
    }

    public string Name { get; }

    /// <summary>How many points are held.</summary>
    public long PointCount => _points.Values.Sum(p => (long)p.Length);

    /// <summary>Reads every point of <paramref name="source"/> within the union of <paramref name="ranges"/> (each [from, to)), their token lists and the resolutions.</summary>
    public static async Task<FrozenMarketHistory> LoadAsync(IMarketHistory source, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ranges);
        var tokens = new Dictionary<(DateTimeOffset, DateTimeOffset), IReadOnlyList<TokenId>>();
        foreach (var range in ranges.Distinct())
        {
            tokens[range] = await source.TokensAsync(range.From, range.To, cancellationToken).ConfigureAwait(false);
        }

        var (from, to) = (ranges.Min(r => r.From), ranges.Max(r => r.To));
        var points = new Dictionary<TokenId, HistoryPoint[]>();
        var resolutions = new Dictionary<TokenId, HistoryResolution>();
        foreach (var token in tokens.Values.SelectMany(t => t).Distinct())
        {
            var list = new List<HistoryPoint>();
            await foreach (var chunk in source.ReadAsync(token, from, to, cancellationToken).ConfigureAwait(false))
            {
                list.AddRange(chunk.Span);
            }

            points[token] = [.. list];
            if (await source.ResolutionAsync(token, cancellationToken).ConfigureAwait(false) is { } resolution)
            {
                resolutions[token] = resolution;
            }
        }

        return new FrozenMarketHistory(source.Name, tokens, points, resolutions);
    }

    public Task<IReadOnlyList<TokenId>> TokensAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(_tokens.TryGetValue((from, to), out var listed)
            ? listed
            : (IReadOnlyList<TokenId>)[.. _points.Where(p => Slice(p.Value, from, to).Length > 0).Select(p => p.Key).Order()]);

    public async IAsyncEnumerable<ReadOnlyMemory<HistoryPoint>> ReadAsync(TokenId token, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        if (!_points.TryGetValue(token, out var all))
        {
            yield break;
        }

        var range = Slice(all, from, to);
        var start = 0;
        while (start < range.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = HistoryMonth.Of(range.Span[start].Time).End.ToUnixTimeSeconds();
            var stop = start;
            while (stop < range.Length && range.Span[stop].UnixSeconds < end)
            {
                stop++;
            }

            yield return range[start..stop];
            start = stop;
        }
    }

    public Task<HistoryResolution?> ResolutionAsync(TokenId token, CancellationToken cancellationToken) =>
        Task.FromResult(_resolutions.GetValueOrDefault(token));

    private static ReadOnlyMemory<HistoryPoint> Slice(HistoryPoint[] points, DateTimeOffset from, DateTimeOffset to)
    {
        var (lo, hi) = (from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds());
        var first = LowerBound(points, lo);
        return points.AsMemory(first, LowerBound(points, hi) - first);
    }

    /// <summary>The first index whose time is at or after <paramref name="seconds"/>.</summary>
    private static int LowerBound(HistoryPoint[] points, long seconds)
    {
        var (lo, hi) = (0, points.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = points[mid].UnixSeconds < seconds ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}
