using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.MarketHistory;

/// <summary>
/// A recorded market WebSocket tape as a <see cref="IMarketHistory"/>: text files of market-channel
/// frames exactly as the server sent them (a message object, or an array of them such as the initial
/// dump of books), separated by <c>;;</c> or by line breaks (the framing of the recorded replay in
/// <c>fixtures/polymarket/ws/</c>), read by the live feed's own parser (<see cref="MarketFrameParser"/>)
/// and priced by <see cref="FeedTapePrices"/>. Frames of other channels (RTDS prices, comments) and
/// unknown event types are skipped and counted; a frame that cannot be read is logged, counted and
/// skipped, and the rest of the tape is read. Files in ordinal name order, all read once, on first use,
/// into one array per token (one point per second, the last message of a second winning). Resolutions:
/// the tape's <c>market_resolved</c>, else the last refresh's closed markets.
/// </summary>
public sealed partial class FeedTapeMarketHistory : IMarketHistory
{
    private readonly IReadOnlyList<string> _files;
    private readonly IMarketDataStore? _markets;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _loaded;

    /// <param name="path">A tape file, or a folder whose <c>*.txt</c> and <c>*.jsonl</c> files are the tape.</param>
    /// <param name="markets">The last refresh, for resolutions the tape does not hold; null for none.</param>
    public FeedTapeMarketHistory(string path, IMarketDataStore? markets, ILogger<FeedTapeMarketHistory> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _markets = markets;
        _files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? [.. Directory.EnumerateFiles(path).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : throw new FileNotFoundException($"No recorded market feed tape at {path}: give a file of market-channel frames, or a folder of them (*.txt, *.jsonl).", path);
    }

    public string Name => "feed tape";

    /// <summary>What reading the tape met; empty until the first read.</summary>
    public FeedTapeStats Stats => _loaded?.Stats ?? new FeedTapeStats();

    public async Task<IReadOnlyList<TokenId>> TokensAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var loaded = await LoadOnceAsync(cancellationToken).ConfigureAwait(false);
        var (first, end) = (from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds());
        return loaded.Points.Where(p => !Slice(p.Value, first, end).IsEmpty).Select(p => p.Key).Order().ToArray();
    }

    public async IAsyncEnumerable<ReadOnlyMemory<HistoryPoint>> ReadAsync(
        TokenId token,
        DateTimeOffset from,
        DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var loaded = await LoadOnceAsync(cancellationToken).ConfigureAwait(false);
        if (to > from && loaded.Points.TryGetValue(token, out var points)
            && Slice(points, from.ToUnixTimeSeconds(), to.ToUnixTimeSeconds()) is { IsEmpty: false } slice)
        {
            yield return slice;
        }
    }

    public async Task<HistoryResolution?> ResolutionAsync(TokenId token, CancellationToken cancellationToken)
    {
        var loaded = await LoadOnceAsync(cancellationToken).ConfigureAwait(false);
        return loaded.Resolutions.GetValueOrDefault(token);
    }

    /// <summary>The points of <paramref name="points"/> (sorted) in [<paramref name="from"/>, <paramref name="to"/>) unix seconds.</summary>
    private static ReadOnlyMemory<HistoryPoint> Slice(HistoryPoint[] points, long from, long to)
    {
        var start = Array.BinarySearch(points, new HistoryPoint(from, 0m), Seconds.Instance);
        var end = Array.BinarySearch(points, new HistoryPoint(to, 0m), Seconds.Instance);
        start = start < 0 ? ~start : start;
        end = end < 0 ? ~end : end;
        return points.AsMemory(start, Math.Max(0, end - start));
    }

    private async Task<Loaded> LoadOnceAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loaded) is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _loaded ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Loaded> LoadAsync(CancellationToken cancellationToken)
    {
        var parser = new MarketFrameParser();
        var prices = new FeedTapePrices();
        var stats = new FeedTapeStats { Files = _files.Count };
        foreach (var file in _files)
        {
            var number = 0L;
            await foreach (var frame in FeedTapeFrames.ReadAsync(file, cancellationToken).ConfigureAwait(false))
            {
                number++;
                var result = parser.Parse(frame.Span, prices);
                stats = stats with { Frames = stats.Frames + 1, Messages = stats.Messages + result.Messages, Unknown = stats.Unknown + result.Unknown };
                if (result.IsMalformed)
                {
                    stats = stats with { Malformed = stats.Malformed + 1 };
                    LogMalformed(_logger, Path.GetFileName(file), number, frame.Length, result.Error ?? "unreadable");
                }
            }
        }

        var resolutions = await RefreshResolutionsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (token, resolution) in prices.Resolutions)
        {
            resolutions[token] = resolution;
        }

        var points = prices.Points.ToDictionary(p => p.Key, p => Sorted(p.Value));
        stats = stats with { Untimed = prices.Untimed, Tokens = points.Count, Points = points.Sum(p => (long)p.Value.Length) };
        LogRead(_logger, stats.Files, stats.Frames, stats.Messages, stats.Unknown, stats.Malformed, stats.Tokens, stats.Points);
        return new Loaded(points, resolutions, stats);
    }

    private async Task<Dictionary<TokenId, HistoryResolution>> RefreshResolutionsAsync(CancellationToken cancellationToken)
    {
        var resolutions = new Dictionary<TokenId, HistoryResolution>();
        var snapshot = _markets is null ? null : await _markets.ReadMarketsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in snapshot?.Markets ?? [])
        {
            foreach (var (token, resolution) in HistoryResolution.Of(row))
            {
                resolutions[token] = resolution;
            }
        }

        return resolutions;
    }

    /// <summary>Oldest first, one point per second: of the messages of one second, the last in tape order (a stable sort).</summary>
    private static HistoryPoint[] Sorted(List<HistoryPoint> points)
    {
        var kept = new List<HistoryPoint>(points.Count);
        foreach (var point in points.OrderBy(p => p.UnixSeconds))
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

    [LoggerMessage(EventId = 1420, Level = LogLevel.Warning, Message = "Feed tape {File}: skipped malformed frame {Frame} ({Bytes} bytes): {Error}")]
    private static partial void LogMalformed(ILogger logger, string file, long frame, int bytes, string error);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Information, Message = "Feed tape read: {Files} files, {Frames} frames, {Messages} messages, {Unknown} of other types skipped, {Malformed} malformed frames skipped; {Tokens} tokens, {Points} points")]
    private static partial void LogRead(ILogger logger, int files, long frames, long messages, long unknown, long malformed, int tokens, long points);

    private sealed record Loaded(Dictionary<TokenId, HistoryPoint[]> Points, Dictionary<TokenId, HistoryResolution> Resolutions, FeedTapeStats Stats);

    private sealed class Seconds : IComparer<HistoryPoint>
    {
        public static Seconds Instance { get; } = new();

        public int Compare(HistoryPoint x, HistoryPoint y) => x.UnixSeconds.CompareTo(y.UnixSeconds);
    }
}

/// <summary>What reading a feed tape met: frames, the messages handed on, those of other types skipped, malformed frames skipped, price changes without a timestamp, and the points kept.</summary>
public sealed record FeedTapeStats
{
    public int Files { get; init; }

    public long Frames { get; init; }

    public long Messages { get; init; }

    public long Unknown { get; init; }

    public long Malformed { get; init; }

    public long Untimed { get; init; }

    public int Tokens { get; init; }

    public long Points { get; init; }
}
