using System.Globalization;
using System.Numerics;

namespace Prescient.Sample.Universe;

/// <summary>
/// Stable ids. Event id = (slot + 1)·100,000 + generation; market id = event id·10 + market index.
/// Condition ids and token ids look random (hashes of the seed and the market id) yet carry the
/// market id, so the server finds a market from them without holding any table.
/// </summary>
internal sealed class SampleIds
{
    private const long SlotStride = SlotTable.MaxGenerations;
    private static readonly BigInteger TokenFloor = BigInteger.Pow(10, 76);
    private static readonly BigInteger TokenSpan = 9 * TokenFloor;
    private static readonly BigInteger TokenHashModulus = (TokenSpan - ulong.MaxValue) >> 64;
    private static readonly BigInteger Low64 = ulong.MaxValue;

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

    /// <summary>A 77-digit decimal token id: 10^76 + hash·2^64 + (market id·2 + outcome) XOR key.</summary>
    public string TokenId(long marketId, int outcome)
    {
        var h = SampleRandom.Hash((ulong)(uint)_seed, 0xC4, (ulong)marketId, (ulong)outcome);
        var wide = new BigInteger(h) | (new BigInteger(SampleRandom.Hash(h, 1)) << 64) | (new BigInteger(SampleRandom.Hash(h, 2)) << 128);
        var code = Scramble((ulong)((marketId * 2) + outcome), _tokenKey);
        var value = TokenFloor + ((wide % TokenHashModulus) << 64) + code;
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The market id and outcome index (0 = YES) a token id was made from.</summary>
    public bool TryParseTokenId(string tokenId, out long marketId, out int outcome)
    {
        marketId = 0;
        outcome = 0;
        if (tokenId.Length != 77 || tokenId[0] == '0' || !tokenId.All(char.IsAsciiDigit)
            || !BigInteger.TryParse(tokenId, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var code = Unscramble((ulong)((value - TokenFloor) & Low64), _tokenKey);
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
        var parts = new string[words];
        var h = first;
        for (var i = 0; i < words; i++)
        {
            parts[i] = h.ToString("x16", CultureInfo.InvariantCulture);
            h = SampleRandom.Hash(h, (ulong)i + 1);
        }

        return string.Concat(parts);
    }
}
