namespace Prescient.Polymarket.Feed;

/// <summary>
/// One side of a local book as a sorted array with the best price LAST, the order the CLOB sends
/// (bids ascending, asks descending). Most updates land near the top, so an insert or removal
/// shifts only the few levels above it, and the best level is read in O(1).
/// </summary>
public sealed class BookSide
{
    private PriceLevel[] _levels = new PriceLevel[16];
    private int _count;

    internal BookSide(bool isBid) => IsBid = isBid;

    /// <summary>True for bids (best = highest price), false for asks (best = lowest).</summary>
    public bool IsBid { get; }

    public int Count => _count;

    /// <summary>The best level, or null when the side is empty.</summary>
    public PriceLevel? Best => _count > 0 ? _levels[_count - 1] : null;

    /// <summary>The <paramref name="depth"/>-th level from the top (0 = best).</summary>
    public PriceLevel this[int depth] =>
        (uint)depth < (uint)_count ? _levels[_count - 1 - depth] : throw new ArgumentOutOfRangeException(nameof(depth), depth, $"Depth must be in [0, {_count}).");

    /// <summary>Size resting at <paramref name="price"/>, 0 when there is no level there.</summary>
    public decimal SizeAt(decimal price)
    {
        var index = Find(price);
        return index >= 0 ? _levels[index].Size : 0m;
    }

    /// <summary>Sets the total size at a price; a size of 0 removes the level.</summary>
    internal void Set(decimal price, decimal size)
    {
        var index = Find(price);
        if (index >= 0)
        {
            if (size == 0m)
            {
                _count--;
                Array.Copy(_levels, index + 1, _levels, index, _count - index);
            }
            else
            {
                _levels[index] = new PriceLevel(price, size);
            }

            return;
        }

        if (size == 0m)
        {
            return;
        }

        index = ~index;
        if (_count == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        Array.Copy(_levels, index, _levels, index + 1, _count - index);
        _levels[index] = new PriceLevel(price, size);
        _count++;
    }

    /// <summary>Replaces the whole side; wire order is not trusted, zero sizes are dropped, a repeated price keeps the last size.</summary>
    internal void Replace(ReadOnlySpan<PriceLevel> levels)
    {
        _count = 0;
        if (_levels.Length < levels.Length)
        {
            _levels = new PriceLevel[Math.Max(levels.Length, _levels.Length * 2)];
        }

        foreach (var level in levels)
        {
            Set(level.Price, level.Size);
        }
    }

    internal void Clear() => _count = 0;

    /// <summary>Copies the side best first.</summary>
    public PriceLevel[] ToArrayBestFirst()
    {
        var copy = new PriceLevel[_count];
        for (var i = 0; i < _count; i++)
        {
            copy[i] = _levels[_count - 1 - i];
        }

        return copy;
    }

    /// <summary>Binary search in storage order (ascending prices for bids, descending for asks); the complement of the insertion point when absent.</summary>
    private int Find(decimal price)
    {
        var lo = 0;
        var hi = _count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var cmp = IsBid ? _levels[mid].Price.CompareTo(price) : price.CompareTo(_levels[mid].Price);
            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
