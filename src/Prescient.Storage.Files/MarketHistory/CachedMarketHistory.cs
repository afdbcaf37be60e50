using System.Runtime.CompilerServices;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.PriceHistory;

namespace Prescient.Storage.Files.MarketHistory;

/// <summary>
/// The price-history cache of <c>history fetch</c> (<c>pricehistory/&lt;token&gt;/YYYY-MM.bin</c>) as a
/// <see cref="IMarketHistory"/>: one chunk per stored month, read into one buffer reused from month to
/// month. Resolutions come from the last refresh's markets.
/// </summary>
public sealed class CachedMarketHistory : IMarketHistory
{
    private readonly DataFolder _folder;
    private readonly HistoryResolutions _resolutions;

    public CachedMarketHistory(DataFolder folder, IMarketDataStore markets)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _resolutions = new HistoryResolutions(markets ?? throw new ArgumentNullException(nameof(markets)));
    }

    public string Name => "price history cache";

    /// <summary>Every token with a file for a month the range touches (which may hold no point inside the range).</summary>
    public Task<IReadOnlyList<TokenId>> TokensAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder.PriceHistoryDirectory) || to <= from)
        {
            return Task.FromResult<IReadOnlyList<TokenId>>([]);
        }

        var months = Months(from, to).Select(m => m + ".bin").ToArray();
        var tokens = new List<TokenId>();
        foreach (var directory in Directory.EnumerateDirectories(_folder.PriceHistoryDirectory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (months.Any(m => File.Exists(Path.Combine(directory, m))))
            {
                tokens.Add(TokenId.Create(Path.GetFileName(directory)));
            }
        }

        tokens.Sort();
        return Task.FromResult<IReadOnlyList<TokenId>>(tokens);
    }

    public async IAsyncEnumerable<ReadOnlyMemory<HistoryPoint>> ReadAsync(
        TokenId token,
        DateTimeOffset from,
        DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            yield break;
        }

        var buffer = new HistoryPoint[31 * 24];
        var first = from.ToUnixTimeSeconds();
        var end = to.ToUnixTimeSeconds();
        foreach (var month in Months(from, to))
        {
            var path = _folder.PriceHistoryFile(token, month);
            var read = await PriceHistoryFile.ReadAsync(path, token, month, buffer, cancellationToken).ConfigureAwait(false);
            buffer = read.Buffer;
            if (read.State == CachedMonthState.Damaged)
            {
                throw new InvalidDataException($"{path} is damaged ({read.Problem}): run `prescient history fetch` for {month} again.");
            }

            var points = read.State == CachedMonthState.Stored ? Slice(read.Points, first, end) : default;
            if (!points.IsEmpty)
            {
                yield return points;
            }
        }
    }

    public Task<HistoryResolution?> ResolutionAsync(TokenId token, CancellationToken cancellationToken) =>
        _resolutions.OfAsync(token, cancellationToken);

    /// <summary>The points with <paramref name="first"/> ≤ time &lt; <paramref name="end"/> (unix seconds) of a sorted run.</summary>
    internal static ReadOnlyMemory<HistoryPoint> Slice(ReadOnlyMemory<HistoryPoint> points, long first, long end)
    {
        var span = points.Span;
        var start = LowerBound(span, first);
        var stop = LowerBound(span, end);
        return points[start..Math.Max(start, stop)];
    }

    private static int LowerBound(ReadOnlySpan<HistoryPoint> points, long time)
    {
        int low = 0, high = points.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (points[mid].UnixSeconds < time)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static IEnumerable<HistoryMonth> Months(DateTimeOffset from, DateTimeOffset to) =>
        HistoryMonth.Span(HistoryMonth.Of(from), HistoryMonth.Of(to.AddTicks(-1)));
}
