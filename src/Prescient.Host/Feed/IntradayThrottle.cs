using Prescient.Domain.Ids;

namespace Prescient.Host.Feed;

/// <summary>
/// Which watched markets are due an intraday evaluation. A market whose book changed is due at once
/// when its last evaluation is at least the minimum interval ago, and otherwise when that interval
/// ends; many changes within the interval make one evaluation, on the books at its end. The feed's
/// thread marks markets; the feed's loop takes the due ones.
/// </summary>
public sealed class IntradayThrottle(TimeSpan minInterval, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly HashSet<MarketId> _changed = [];
    private readonly Dictionary<MarketId, DateTimeOffset> _evaluated = [];

    /// <summary>Marks <paramref name="market"/> changed; true when it is due now (the caller asks the loop to take it).</summary>
    public bool Touch(MarketId market)
    {
        lock (_lock)
        {
            _changed.Add(market);
            return IsDue(market, time.GetUtcNow());
        }
    }

    /// <summary>True when a changed market waits (due now or later).</summary>
    public bool HasWaiting
    {
        get
        {
            lock (_lock)
            {
                return _changed.Count > 0;
            }
        }
    }

    /// <summary>The changed markets that are due now, marked evaluated at this moment; the rest wait.</summary>
    public IReadOnlyList<MarketId> TakeDue()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var due = _changed.Where(m => IsDue(m, now)).ToArray();
            foreach (var market in due)
            {
                _changed.Remove(market);
                _evaluated[market] = now;
            }

            return due;
        }
    }

    /// <summary>Forgets markets no longer watched (their changes and when they were evaluated).</summary>
    public void Retain(IReadOnlySet<MarketId> watched)
    {
        ArgumentNullException.ThrowIfNull(watched);
        lock (_lock)
        {
            _changed.RemoveWhere(m => !watched.Contains(m));
            foreach (var market in _evaluated.Keys.Where(m => !watched.Contains(m)).ToArray())
            {
                _evaluated.Remove(market);
            }
        }
    }

    private bool IsDue(MarketId market, DateTimeOffset now) =>
        !_evaluated.TryGetValue(market, out var last) || now - last >= minInterval;
}
