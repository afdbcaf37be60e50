using Prescient.Domain.Ids;
using Prescient.Engine.Extraction;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Backtest;

/// <summary>
/// One binary market being replayed: its row of the last refresh, the recorded series of one of its
/// tokens (YES when it has history, else NO, mirrored), the month of points loaded now, and a cursor:
/// the points before the cursor are those at or before the simulated now. Only the engine moves the
/// cursor, forward; nothing reads past it except <see cref="Load"/>, which replaces the month.
/// </summary>
public sealed class ReplayMarket
{
    private HistoryPoint[] _points = [];
    private int _count;
    private int _cursor;
    private HistoryPoint? _latest;
    private int _pending;
    private bool _changed;

    public ReplayMarket(MarketRow row, TokenId series, HistoryResolution? yesResolution, DateTimeOffset? closeAt)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.YesTokenId is not { } yes || row.NoTokenId is not { } no)
        {
            throw new ArgumentException($"Market {row.MarketId} is not a binary market with YES and NO tokens.", nameof(row));
        }

        if (series != yes && series != no)
        {
            throw new ArgumentException($"Token {series} is not a token of market {row.MarketId}.", nameof(series));
        }

        Row = row;
        Yes = yes;
        No = no;
        Series = series;
        YesResolution = yesResolution;
        CloseAt = closeAt?.ToUnixTimeSeconds();
        Tick = row.TickSize;
        YesOutcome = row.Outcomes.ElementAtOrDefault(0) ?? "Yes";
        NoOutcome = row.Outcomes.ElementAtOrDefault(1) ?? "No";
    }

    public MarketRow Row { get; }

    public TokenId Yes { get; }

    public TokenId No { get; }

    /// <summary>The token whose points are recorded; the other's price is 1 − it.</summary>
    public TokenId Series { get; }

    public decimal? Tick { get; }

    /// <summary>The YES token's payout when the market resolved (1, 0 or 0.5), null when not known.</summary>
    public HistoryResolution? YesResolution { get; }

    /// <summary>When the market stopped trading (unix seconds: its last point, a resolved market whose series ended inside the range); null when it traded to the end.</summary>
    public long? CloseAt { get; }

    /// <summary>The latest point at or before now, across months; null before the first.</summary>
    public HistoryPoint? Latest => _latest;

    /// <summary>The YES price of <see cref="Latest"/> (the NO series mirrored).</summary>
    public decimal? LatestYesPrice => _latest is { } p ? (Series == Yes ? p.Price : 1m - p.Price) : null;

    /// <summary>The loaded month's points at or before now (of <see cref="Series"/>).</summary>
    public ReadOnlySpan<HistoryPoint> Seen => _points.AsSpan(0, _cursor);

    /// <summary>The outcome names of the two tokens, as their quotes carry them.</summary>
    internal string YesOutcome { get; }

    internal string NoOutcome { get; }

    /// <summary>The YES price of the quote in force (that of <see cref="Latest"/> when it was made); null when not quoted.</summary>
    internal decimal? QuotedPrice { get; set; }

    /// <summary>The synthetic book sides of the quote in force; null when not quoted.</summary>
    internal BookSides? QuotedSides { get; set; }

    /// <summary>The cached quotes of the two tokens at <see cref="Latest"/>, for a strategy that reads quote objects; rebuilt when the price changes.</summary>
    internal (TokenQuote Yes, TokenQuote No)? Quotes { get; set; }

    /// <summary>The row as of now (open, its displayed and best prices those of the synthetic book); rebuilt with <see cref="Quotes"/>.</summary>
    internal MarketRow? AsOf { get; set; }

    public bool IsClosedAt(long now) => CloseAt is { } close && now >= close;

    /// <summary>
    /// Replaces the month loaded with <paramref name="points"/> (copied: the chunk's memory may be reused), cursor at its
    /// start. Called only when the next step is past the month loaded, so its points not yet passed are passed first.
    /// </summary>
    public void Load(ReadOnlySpan<HistoryPoint> points)
    {
        if (_cursor < _count)
        {
            _pending += _count - _cursor;
            var previous = _latest;
            _latest = _points[_count - 1];
            _changed |= previous is not { } p || p.Price != _latest.Value.Price;
        }

        if (_points.Length < points.Length)
        {
            _points = new HistoryPoint[Math.Max(points.Length, 31 * 24)];
        }

        points.CopyTo(_points);
        _count = points.Length;
        _cursor = 0;
    }

    /// <summary>Moves the cursor past every point at or before <paramref name="now"/> (unix seconds); true when <see cref="Latest"/> changed. Returns the points passed in <paramref name="passed"/>.</summary>
    public bool Advance(long now, out int passed)
    {
        var start = _cursor;
        var previous = _latest;
        var changedOnLoad = _changed;
        var passedOnLoad = _pending;
        _changed = false;
        _pending = 0;
        while (_cursor < _count && _points[_cursor].UnixSeconds <= now)
        {
            _cursor++;
        }

        passed = _cursor - start + passedOnLoad;
        if (_cursor == start)
        {
            return changedOnLoad;
        }

        _latest = _points[_cursor - 1];
        return changedOnLoad || previous is not { } p || p.Price != _latest.Value.Price;
    }
}
