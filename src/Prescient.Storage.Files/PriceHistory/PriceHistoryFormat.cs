using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;

namespace Prescient.Storage.Files.PriceHistory;

/// <summary>
/// <c>pricehistory/&lt;token&gt;/YYYY-MM.bin</c>, little-endian, every part a multiple of 8 bytes:
/// <code>
///  0  4  magic "PRPH"            4  2  version (1)             6  1  encoding (1 packed, 2 decimal)
///  7  1  0                       8  4  flags (1 complete, 2 simulated)
/// 12  4  month yyyymm           16  4  fidelity in minutes    20  4  token length n (1..200, UTF-8)
/// 24  8  fetched at, unix s     32  4  record count          36  4  0
/// 40  8  checksum of every other byte of the file (see <see cref="Checksum"/>)
/// 48 16  0                      64  n  token, zero-padded to a multiple of 8
/// then one record per point, times strictly increasing inside the month:
///   packed (16 bytes): int64 unix seconds, int64 (scale &lt;&lt; 58 | mantissa): price = mantissa / 10^scale, scale ≤ 17
///   decimal (24 bytes): int64 unix seconds, the four int32 of decimal.GetBits
/// </code>
/// Prices keep their exact decimal value and scale (0.50 stays 0.50). The writer packs when every
/// price fits (prices in [0, 1] with at most 17 decimals: all that upstream sends), else falls back to
/// the decimal records. The length, the checksum, the token, the month and every record are checked
/// on read: a truncated or altered file is refused, never half-read.
/// </summary>
internal static class PriceHistoryFormat
{
    public const int HeaderSize = 64;
    public const int PackedRecord = 16;
    public const int DecimalRecord = 24;
    public const int MaxTokenBytes = 200;
    private const ushort Version = 1;
    private const byte Packed = 1;
    private const byte DecimalBits = 2;
    private const int CompleteFlag = 1;
    private const int SimulatedFlag = 2;
    private const int ScaleShift = 58;
    private const long MantissaMask = (1L << ScaleShift) - 1;
    private const int MaxPackedScale = 17;
    private static ReadOnlySpan<byte> Magic => "PRPH"u8;

    public static byte[] Encode(PriceMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var token = Encoding.UTF8.GetBytes(month.Token.Value);
        if (token.Length is 0 or > MaxTokenBytes)
        {
            throw new ArgumentException($"Token id must be 1 to {MaxTokenBytes} bytes.", nameof(month));
        }

        var points = month.Points;
        Require(points, month.Month);
        var packed = Array.TrueForAll(points, p => TryPack(p.Price, out _));
        var recordsAt = HeaderSize + Align8(token.Length);
        var buffer = new byte[recordsAt + (points.Length * (packed ? PackedRecord : DecimalRecord))];
        var span = buffer.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        span[6] = packed ? Packed : DecimalBits;
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], (month.Complete ? CompleteFlag : 0) | (month.Simulated ? SimulatedFlag : 0));
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], month.Month.Number);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], month.FidelityMinutes);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], token.Length);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], month.FetchedAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt32LittleEndian(span[32..], points.Length);
        token.CopyTo(span[HeaderSize..]);
        var record = span[recordsAt..];
        Span<int> bits = stackalloc int[4];
        foreach (var point in points)
        {
            BinaryPrimitives.WriteInt64LittleEndian(record, point.UnixSeconds);
            if (packed)
            {
                TryPack(point.Price, out var value);
                BinaryPrimitives.WriteInt64LittleEndian(record[8..], value);
                record = record[PackedRecord..];
            }
            else
            {
                decimal.GetBits(point.Price, bits);
                for (var i = 0; i < 4; i++)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(record[(8 + (4 * i))..], bits[i]);
                }

                record = record[DecimalRecord..];
            }
        }

        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], Checksum(span));
        return buffer;
    }

    /// <summary>Checks everything but the records' contents; null when the header is sound, else what is wrong.</summary>
    public static string? ReadHeader(ReadOnlySpan<byte> file, TokenId token, HistoryMonth month, out PriceHistoryHeader header)
    {
        header = default;
        if (file.Length < HeaderSize || !file[..4].SequenceEqual(Magic))
        {
            return file.Length < HeaderSize ? $"{file.Length} bytes, shorter than a header" : "not a price history file";
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(file[4..]);
        var encoding = file[6];
        var tokenLength = BinaryPrimitives.ReadInt32LittleEndian(file[20..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(file[32..]);
        if (version != Version || encoding is not (Packed or DecimalBits) || tokenLength is < 1 or > MaxTokenBytes || count < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"unknown version {version} or a bad header");
        }

        var recordsAt = HeaderSize + Align8(tokenLength);
        var expected = recordsAt + ((long)count * (encoding == Packed ? PackedRecord : DecimalRecord));
        if (file.Length != expected)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{file.Length} bytes where {count} points take {expected} (truncated?)");
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(file[40..]) != Checksum(file))
        {
            return "checksum mismatch";
        }

        if (!file.Slice(HeaderSize, tokenLength).SequenceEqual(Encoding.UTF8.GetBytes(token.Value)))
        {
            return "it belongs to another token";
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(file[12..]) != month.Number)
        {
            return "it belongs to another month";
        }

        var flags = BinaryPrimitives.ReadInt32LittleEndian(file[8..]);
        header = new PriceHistoryHeader(
            count,
            encoding == Packed,
            recordsAt,
            (flags & CompleteFlag) != 0,
            (flags & SimulatedFlag) != 0,
            BinaryPrimitives.ReadInt32LittleEndian(file[16..]),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64LittleEndian(file[24..])));
        return null;
    }

    /// <summary>Decodes the records into <paramref name="into"/> (at least <see cref="PriceHistoryHeader.Count"/> long); null when all are sound.</summary>
    public static string? ReadPoints(ReadOnlySpan<byte> file, in PriceHistoryHeader header, HistoryMonth month, Span<HistoryPoint> into)
    {
        var record = file[header.RecordsAt..];
        var size = header.Packed ? PackedRecord : DecimalRecord;
        var first = month.Start.ToUnixTimeSeconds();
        var end = month.End.ToUnixTimeSeconds();
        var last = long.MinValue;
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < header.Count; i++, record = record[size..])
        {
            var time = BinaryPrimitives.ReadInt64LittleEndian(record);
            decimal price;
            if (header.Packed)
            {
                var value = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
                var scale = (int)(value >> ScaleShift);
                var mantissa = value & MantissaMask;
                if (scale > MaxPackedScale)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"point {i} has a bad price");
                }

                price = new decimal((int)mantissa, (int)(mantissa >> 32), 0, false, (byte)scale);
            }
            else
            {
                for (var b = 0; b < 4; b++)
                {
                    bits[b] = BinaryPrimitives.ReadInt32LittleEndian(record[(8 + (4 * b))..]);
                }

                if ((bits[3] & 0x7F00FFFF) != 0 || ((bits[3] >> 16) & 0xFF) > 28)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"point {i} has a bad price");
                }

                price = new decimal(bits);
            }

            if (time < first || time >= end || time <= last || price is < 0m or > 1m)
            {
                return string.Create(CultureInfo.InvariantCulture, $"point {i} is out of order, outside the month or not a price in [0, 1]");
            }

            into[i] = new HistoryPoint(time, price);
            last = time;
        }

        return null;
    }

    /// <summary>
    /// A 64-bit multiply-xor hash over the file in 8-byte words, the checksum field read as 0. Not
    /// cryptographic: it catches torn writes, truncation and flipped bits, at memory speed.
    /// </summary>
    internal static ulong Checksum(ReadOnlySpan<byte> file)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(file[..(file.Length & ~7)]);
        var hash = 0xcbf29ce484222325UL ^ (ulong)file.Length;
        for (var i = 0; i < words.Length; i++)
        {
            var word = i == 5 ? 0UL : BitConverter.IsLittleEndian ? words[i] : BinaryPrimitives.ReverseEndianness(words[i]);
            hash = (hash ^ word) * 0x100000001b3UL;
            hash ^= hash >> 29;
        }

        foreach (var b in file[(file.Length & ~7)..])
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }

        return hash;
    }

    private static void Require(HistoryPoint[] points, HistoryMonth month)
    {
        var first = month.Start.ToUnixTimeSeconds();
        var end = month.End.ToUnixTimeSeconds();
        var last = long.MinValue;
        foreach (var point in points)
        {
            if (point.UnixSeconds < first || point.UnixSeconds >= end || point.UnixSeconds <= last || point.Price is < 0m or > 1m)
            {
                throw new ArgumentException($"Points of {month} must lie in the month with strictly increasing times and prices in [0, 1].", nameof(points));
            }

            last = point.UnixSeconds;
        }
    }

    /// <summary>The packed form of a price in [0, 1] with at most 17 decimals: scale in the top bits, mantissa below.</summary>
    private static bool TryPack(decimal price, out long value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(price, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        value = 0;
        if (bits[2] != 0 || bits[3] < 0 || scale > MaxPackedScale || mantissa > MantissaMask)
        {
            return false;
        }

        value = (long)mantissa | ((long)scale << ScaleShift);
        return true;
    }

    private static int Align8(int length) => (length + 7) & ~7;
}

/// <summary>What a sound header says.</summary>
internal readonly record struct PriceHistoryHeader(
    int Count,
    bool Packed,
    int RecordsAt,
    bool Complete,
    bool Simulated,
    int FidelityMinutes,
    DateTimeOffset FetchedAt);
