namespace Prescient.Sample.Universe;

/// <summary>
/// A deterministic simulated Polymarket universe: a pure function of (seed, events, time). About
/// <see cref="SampleUniverseOptions.Events"/> events are open at any instant; each lives from days
/// to about two years, its prices move hour to hour, and its markets resolve at their end dates.
/// The state at any instant is computed directly, in O(open events), with no history kept.
/// Every event it produces is labelled simulated (<c>description</c> starts with "[SIMULATED] ",
/// <c>resolutionSource</c> is "prescient-sample").
/// </summary>
public sealed class SampleUniverse
{
    /// <summary>The <c>resolutionSource</c> of every simulated event and market.</summary>
    public const string ResolutionSource = "prescient-sample";

    /// <summary>Creates the universe; throws <see cref="ArgumentException"/> with a one-line reason on invalid options.</summary>
    public SampleUniverse(SampleUniverseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        Options = options;
        Slots = new SlotTable(options);
        Ids = new SampleIds(options.Seed);
        Factory = new EventFactory(options, Slots, Ids);
    }

    /// <summary>The options the universe was built from (validated).</summary>
    public SampleUniverseOptions Options { get; }

    internal SlotTable Slots { get; }

    internal SampleIds Ids { get; }

    internal EventFactory Factory { get; }

    /// <summary>Every event that exists and is not yet closed at <paramref name="time"/>, in ascending id order.</summary>
    public IReadOnlyList<SampleEventInfo> EventsAt(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        var result = new List<SampleEventInfo>(Slots.Count);
        foreach (var (slot, generation) in Enumerate(ticks, ClosedFilter.Open, 0))
        {
            result.Add(SampleInfoMapper.ToInfo(new EventSnapshot(Factory.Create(slot, generation), ticks), Options.Seed));
        }

        return result;
    }

    /// <summary>
    /// One event in whatever state it is at <paramref name="time"/> (open, or closed with its markets
    /// resolved), or null when no event has that id or it does not exist yet.
    /// </summary>
    public SampleEventInfo? FindEvent(string eventId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return long.TryParse(eventId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && FindEvent(id, time.UtcTicks) is { } snapshot
            ? SampleInfoMapper.ToInfo(snapshot, Options.Seed)
            : null;
    }

    /// <summary>
    /// Slots and generations of the events existing at <paramref name="ticks"/> that pass the filter,
    /// in ascending event id order, starting after <paramref name="afterEventId"/>.
    /// </summary>
    internal IEnumerable<(int Slot, int Generation)> Enumerate(long ticks, ClosedFilter filter, long afterEventId)
    {
        var first = 0;
        var firstGeneration = 0;
        if (afterEventId > 0 && SampleIds.TryParseEventId(afterEventId, int.MaxValue, out var s0, out var g0))
        {
            first = s0;
            firstGeneration = g0 + 1;
        }

        for (var slot = first; slot < Slots.Count; slot++)
        {
            var current = Slots.GenerationAt(slot, ticks);
            var from = slot == first ? firstGeneration : 0;
            if (filter == ClosedFilter.Open)
            {
                if (current >= from && current < SlotTable.MaxGenerations)
                {
                    yield return (slot, current);
                }

                continue;
            }

            var last = filter == ClosedFilter.Closed ? current - 1 : Math.Min(current, SlotTable.MaxGenerations - 1);
            for (var g = from; g <= last; g++)
            {
                yield return (slot, g);
            }
        }
    }

    /// <summary>The event with this id as it is at <paramref name="ticks"/>, if it exists by then.</summary>
    internal EventSnapshot? FindEvent(long eventId, long ticks)
    {
        if (!SampleIds.TryParseEventId(eventId, Slots.Count, out var slot, out var generation))
        {
            return null;
        }

        var current = Slots.GenerationAt(slot, ticks);
        return generation <= current && generation < SlotTable.MaxGenerations
            ? new EventSnapshot(Factory.Create(slot, generation), ticks)
            : null;
    }

    internal EventSnapshot? FindMarket(long marketId, long ticks, out int index)
    {
        index = (int)(marketId % 10);
        var snapshot = marketId > 0 ? FindEvent(marketId / 10, ticks) : null;
        return snapshot is not null && index < snapshot.Markets.Length ? snapshot : null;
    }

    internal EventSnapshot? FindCondition(string conditionId, long ticks, out int index)
    {
        index = 0;
        return Ids.TryParseConditionId(conditionId, out var marketId) ? FindMarket(marketId, ticks, out index) : null;
    }

    internal EventSnapshot? FindToken(string tokenId, long ticks, out int index, out int outcome)
    {
        index = 0;
        outcome = 0;
        return Ids.TryParseTokenId(tokenId, out var marketId, out outcome) ? FindMarket(marketId, ticks, out index) : null;
    }
}
