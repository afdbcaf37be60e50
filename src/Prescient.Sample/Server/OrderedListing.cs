using Prescient.Sample.Universe;

namespace Prescient.Sample.Server;

/// <summary>
/// Open events sorted by a field other than ascending id. The order is computed as of the start of
/// the current minute (as a cached Gamma response would be) and kept for that minute, so walking
/// 30,000 events sorts them once; the events themselves are written as they are at the request.
/// </summary>
internal sealed class OrderedListing(SampleUniverse universe)
{
    private readonly Lock _gate = new();
    private (string Key, Entry[] Entries)? _cache;

    /// <summary>The matching open events in the query's order.</summary>
    public Entry[] Sorted(ListingQuery query, long ticks)
    {
        var minute = ticks - (ticks % TimeSpan.TicksPerMinute);
        var cacheKey = $"{query.Fingerprint}@{minute}";
        lock (_gate)
        {
            if (_cache is { } cached && cached.Key == cacheKey)
            {
                return cached.Entries;
            }
        }

        var entries = query.Events(universe, minute, ClosedFilter.Open, 0)
            .Select(k => new Entry(KeyOf(query.Order, k.Slot, k.Generation, minute), SampleIds.EventId(k.Slot, k.Generation), k.Slot, k.Generation))
            .ToArray();
        Array.Sort(entries, (a, b) => Compare(a, b, query.Ascending));
        lock (_gate)
        {
            _cache = (cacheKey, entries);
        }

        return entries;
    }

    /// <summary>The position of the first entry after (<paramref name="key"/>, <paramref name="id"/>) in the sorted order.</summary>
    public static int IndexAfter(Entry[] sorted, decimal key, long id, bool ascending)
    {
        var probe = new Entry(key, id, 0, 0);
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Compare(sorted[mid], probe, ascending) <= 0)
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

    /// <summary>Whether an entry's event is still open at <paramref name="ticks"/> (it may have closed since the minute began).</summary>
    public bool IsOpen(Entry entry, long ticks) => universe.Slots.GenerationAt(entry.Slot, ticks) == entry.Generation;

    private decimal KeyOf(SortField field, int slot, int generation, long ticks)
    {
        switch (field)
        {
            case SortField.Id:
                return SampleIds.EventId(slot, generation);
            case SortField.StartDate:
                return universe.Slots.StartTicks(slot, generation);
            case SortField.EndDate:
                return universe.Slots.EndTicks(slot, generation);
            default:
                var snapshot = new EventSnapshot(universe.Factory.Create(slot, generation), ticks);
                return field switch
                {
                    SortField.Volume => snapshot.Volume,
                    SortField.Volume24hr => snapshot.Volume24h,
                    _ => snapshot.Liquidity,
                };
        }
    }

    private static int Compare(Entry a, Entry b, bool ascending)
    {
        var byKey = a.Key.CompareTo(b.Key);
        var result = byKey != 0 ? byKey : a.Id.CompareTo(b.Id);
        return ascending ? result : -result;
    }

    /// <summary>One sorted event: its sort key, id and where it lives.</summary>
    internal readonly record struct Entry(decimal Key, long Id, int Slot, int Generation);
}
