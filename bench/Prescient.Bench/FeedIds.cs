using System.Globalization;

namespace Prescient.Bench;

/// <summary>Made-up ids in the real shapes: 77-digit token ids, 0x + 64-hex condition ids, 40-hex hashes.</summary>
internal static class FeedIds
{
    public static string Token(Random random) =>
        string.Concat(Enumerable.Range(0, 77).Select(i => (char)('0' + (i == 0 ? random.Next(1, 10) : random.Next(10)))));

    public static string Market(Random random) => "0x" + Hex(random, 32);

    public static string Hash(Random random) => Hex(random, 20);

    private static string Hex(Random random, int bytes)
    {
        var raw = new byte[bytes];
        random.NextBytes(raw);
        return Convert.ToHexStringLower(raw);
    }

    public static string Price(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
