namespace Prescient.Sample.Universe;

/// <summary>
/// A small deterministic generator (SplitMix64) keyed by the seed and a few integers, so that any
/// part of the universe can be recomputed on its own, in any order, with the same result.
/// </summary>
internal struct SampleRandom
{
    private ulong _state;

    public SampleRandom(int seed, Stream stream, long a, long b = 0, long c = 0)
    {
        _state = Hash((ulong)(uint)seed, (ulong)stream, (ulong)a, (ulong)b, (ulong)c);
    }

    /// <summary>Independent streams of randomness, so that adding a draw to one never shifts another.</summary>
    public enum Stream : ulong
    {
        Slot = 1,
        Event = 2,
        Tags = 3,
        Market = 4,
        Book = 5,
        Ids = 6,
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [min, max] inclusive.</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    public double Between(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Log-uniform in [min, max]: as many values between 1k and 10k as between 10k and 100k.</summary>
    public double LogBetween(double min, double max) => Math.Exp(Between(Math.Log(min), Math.Log(max)));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count - 1)];

    public static ulong Hash(ulong seed, ulong a, ulong b = 0, ulong c = 0, ulong d = 0)
    {
        var h = Mix(seed ^ 0x5851F42D4C957F2DUL);
        h = Mix(h ^ a);
        h = Mix(h ^ (b * 0x9E3779B97F4A7C15UL));
        h = Mix(h ^ (c * 0xC2B2AE3D27D4EB4FUL));
        return Mix(h ^ (d * 0x165667B19E3779F9UL));
    }

    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
