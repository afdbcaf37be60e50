namespace Prescient.Sample.Universe;

/// <summary>
/// The universe is <c>Events</c> slots. Slot s runs events back to back: generation g lives from
/// <c>Anchor + g·Period</c> (inclusive) to <c>Anchor + (g+1)·Period</c> (exclusive), so the event
/// open in a slot at any instant is found by one division. Memory: 24 bytes per slot.
/// </summary>
internal sealed class SlotTable
{
    /// <summary>Generations per slot that get an id; beyond it a slot is exhausted (over 40 years of 4-hour events).</summary>
    public const int MaxGenerations = 100_000;

    private readonly Slot[] _slots;

    public SlotTable(SampleUniverseOptions options)
    {
        var n = options.Events;
        _slots = new Slot[n];
        var stride = CoprimeStride(n);
        var offset = (int)(SampleRandom.Hash((ulong)(uint)options.Seed, 77) % (ulong)n);
        for (var s = 0; s < n; s++)
        {
            // Stratified: profile ranks are a permutation of 0..n-1, so each profile gets its share.
            var rank = (int)(((long)s * stride + offset) % n);
            var spec = ProfileSpec.At((rank + 0.5) / n);
            var random = new SampleRandom(options.Seed, SampleRandom.Stream.Slot, s);
            var format = PickFormat(spec.Kind, ref random);
            var unit = DateFormats.UnitTicks(format);
            var life = random.LogBetween(spec.MinLife.Ticks, spec.MaxLife.Ticks);
            var period = Math.Max(unit, DateFormats.Quantize((long)life, format));
            var phase = DateFormats.Quantize((long)(random.NextDouble() * period), format);
            _slots[s] = new Slot(spec.Profile, format, options.Genesis.UtcTicks - phase, period);
        }
    }

    public int Count => _slots.Length;

    public EventProfile Profile(int slot) => _slots[slot].Profile;

    public DateFormat EndFormat(int slot) => _slots[slot].Format;

    /// <summary>The generation open at <paramref name="utcTicks"/>, or -1 before the slot's first event.</summary>
    public int GenerationAt(int slot, long utcTicks)
    {
        var s = _slots[slot];
        if (utcTicks < s.Anchor)
        {
            return -1;
        }

        var g = (utcTicks - s.Anchor) / s.Period;
        return g >= MaxGenerations ? MaxGenerations : (int)g;
    }

    public long StartTicks(int slot, int generation) => _slots[slot].Anchor + (generation * _slots[slot].Period);

    public long EndTicks(int slot, int generation) => StartTicks(slot, generation + 1);

    private static DateFormat PickFormat(EventKind kind, ref SampleRandom random)
    {
        var u = random.NextDouble();
        return kind switch
        {
            EventKind.CryptoUpDown => u < 0.8 ? DateFormat.IsoSeconds : DateFormat.IsoMicroseconds,
            EventKind.Sports => u < 0.75 ? DateFormat.IsoSeconds : DateFormat.Postgres,
            _ => u switch
            {
                < 0.55 => DateFormat.IsoSeconds,
                < 0.70 => DateFormat.IsoMicroseconds,
                < 0.88 => DateFormat.DateOnly,
                _ => DateFormat.Postgres,
            },
        };
    }

    private static int CoprimeStride(int n)
    {
        var stride = Math.Max(1, (int)(n * 0.6180339887));
        while (Gcd(stride, n) != 1)
        {
            stride++;
        }

        return stride;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private readonly record struct Slot(EventProfile Profile, DateFormat Format, long Anchor, long Period);
}
