using System.Globalization;

namespace Prescient.Sample.Universe;

/// <summary>
/// Stable ids. Event id = (slot + 1)·100,000 + generation; market id = event id·10 + market index.
/// Condition ids and token ids look random (hashes of the seed and the market id) yet carry the
/// market id, so the server finds a market from them without holding any table.
/// </summary>
internal sealed class SampleIds
{
    private const long SlotStride = SlotTable.MaxGenerations;

    private const ulong MultiplierA = 0x9E3779B97F4A7C15UL;
    private const ulong MultiplierB = 0xBF58476D1CE4E5B9UL;
    private static readonly ulong InverseA = Inverse(MultiplierA);
    private static readonly ulong InverseB = Inverse(MultiplierB);

    private readonly int _seed;
    private readonly ulong _conditionKey;
    private readonly ulong _tokenKey;

    public SampleIds(int seed)
    {
        _seed = seed;
        _conditionKey = SampleRandom.Hash((ulong)(uint)seed, 0xC0DE);
        _tokenKey = SampleRandom.Hash((ulong)(uint)seed, 0x70CE);
    }

    public static long EventId(int slot, int generation) => ((slot + 1L) * SlotStride) + generation;

    public static bool TryParseEventId(long id, int slots, out int slot, out int generation)
    {
        slot = (int)Math.Min(int.MaxValue, (id / SlotStride) - 1);
        generation = (int)(id % SlotStride);
        return id >= SlotStride && slot < slots;
    }

    public static long MarketId(long eventId, int index) => (eventId * 10) + index;

    public string ConditionId(long marketId) =>
        "0x" + Hex(SampleRandom.Hash((ulong)(uint)_seed, 0xC1, (ulong)marketId), 3) + Scramble((ulong)marketId, _conditionKey).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The market id a condition id was made from, checked against its hash part.</summary>
    public bool TryParseConditionId(string conditionId, out long marketId)
    {
        marketId = 0;
        if (conditionId.Length != 66 || !conditionId.StartsWith("0x", StringComparison.Ordinal)
            || !ulong.TryParse(conditionId.AsSpan(50), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            return false;
        }

        marketId = (long)Unscramble(low, _conditionKey);
        return marketId > 0 && string.Equals(ConditionId(marketId), conditionId, StringComparison.OrdinalIgnoreCase);
    }

    public string QuestionId(long marketId) => "0x" + Hex(SampleRandom.Hash((ulong)(uint)_seed, 0xC2, (ulong)marketId), 4);

    public string RequestId(long marketId) => "0x" + Hex(SampleRandom.Hash((ulong)(uint)_seed, 0xC3, (ulong)marketId), 4);

    /// <summary>The neg-risk group id: 31 hash bytes then 00, as Polymarket's end in 00.</summary>
    public string NegRiskMarketId(long eventId) => NegRiskPrefix(eventId) + "00";

    /// <summary>A neg-risk leg's question id: the group id with the leg number as last byte.</summary>
    public string NegRiskQuestionId(long eventId, int index) =>
        NegRiskPrefix(eventId) + (index + 1).ToString("x2", CultureInfo.InvariantCulture);

    /// <summary>
    /// A 77-digit decimal token id: a non-zero digit and 56 digits of hash, then the scrambled
    /// (market id·2 + outcome) as 20 zero-padded digits, so it decodes without any table.
    /// </summary>
    public string TokenId(long marketId, int outcome)
    {
        var h = SampleRandom.Hash((ulong)(uint)_seed, 0xC4, (ulong)marketId, (ulong)outcome);
        var code = Scramble((ulong)((marketId * 2) + outcome), _tokenKey);
        return string.Create(77, (h, code), static (span, state) =>
        {
            var (hash, code) = state;
            span[0] = (char)('1' + (hash % 9));
            var word = hash;
            for (var block = 0; block < 3; block++)
            {
                word = SampleRandom.Hash(word, (ulong)block + 1);
                var digits = word % 10_000_000_000_000_000_000UL;
                var count = block < 2 ? 19 : 18;
                for (var i = 0; i < count; i++)
                {
                    span[1 + (block * 19) + count - 1 - i] = (char)('0' + (digits % 10));
                    digits /= 10;
                }
            }

            code.TryFormat(span[57..], out _, "D20", CultureInfo.InvariantCulture);
        });
    }

    /// <summary>The market id and outcome index (0 = YES) a token id was made from.</summary>
    public bool TryParseTokenId(string tokenId, out long marketId, out int outcome)
    {
        marketId = 0;
        outcome = 0;
        if (tokenId.Length != 77 || tokenId[0] == '0' || !tokenId.All(char.IsAsciiDigit)
            || !ulong.TryParse(tokenId.AsSpan(57), NumberStyles.None, CultureInfo.InvariantCulture, out var scrambled))
        {
            return false;
        }

        var code = Unscramble(scrambled, _tokenKey);
        marketId = (long)(code / 2);
        outcome = (int)(code % 2);
        return marketId > 0 && string.Equals(TokenId(marketId, outcome), tokenId, StringComparison.Ordinal);
    }

    /// <summary>A bijection on 64-bit values (odd multiplications and xor-shifts), so consecutive ids look unrelated.</summary>
    private static ulong Scramble(ulong x, ulong key)
    {
        x *= MultiplierA;
        x ^= x >> 32;
        x *= MultiplierB;
        x ^= x >> 32;
        return x ^ key;
    }

    private static ulong Unscramble(ulong x, ulong key)
    {
        x ^= key;
        x ^= x >> 32;
        x *= InverseB;
        x ^= x >> 32;
        return x * InverseA;
    }

    private static ulong Inverse(ulong odd)
    {
        // Newton's iteration doubles the correct low bits each step: 6 steps reach 64 bits.
        var inverse = odd;
        for (var i = 0; i < 6; i++)
        {
            inverse *= 2 - (odd * inverse);
        }

        return inverse;
    }

    private string NegRiskPrefix(long eventId) =>
        "0x" + Hex(SampleRandom.Hash((ulong)(uint)_seed, 0xC5, (ulong)eventId), 4)[..62];

    private static string Hex(ulong first, int words)
    {
        Span<byte> bytes = stackalloc byte[words * 8];
        var h = first;
        for (var i = 0; i < words; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[(i * 8)..], h);
            h = SampleRandom.Hash(h, (ulong)i + 1);
        }

        return Convert.ToHexStringLower(bytes);
    }
}
