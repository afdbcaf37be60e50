using System.Globalization;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// The CLOB's book hash (a SHA-1 over the book, 40 lowercase hex digits) held in 20 bytes, so
/// keeping the latest hash of a book costs no allocation per update. Any other text (an older or
/// synthetic hash) is kept as a string.
/// </summary>
public readonly record struct BookHash
{
    private readonly UInt128 _head;
    private readonly uint _tail;
    private readonly string? _other;

    private BookHash(UInt128 head, uint tail, string? other)
    {
        _head = head;
        _tail = tail;
        _other = other;
    }

    /// <summary>Reads the hash from its UTF-8 text.</summary>
    public static BookHash FromUtf8(ReadOnlySpan<byte> text) =>
        TryFromHex(text, out var hash) ? hash : new BookHash(default, 0, System.Text.Encoding.UTF8.GetString(text));

    /// <summary>The hash from exactly 40 hex digits; false for any other text.</summary>
    internal static bool TryFromHex(ReadOnlySpan<byte> text, out BookHash hash)
    {
        hash = default;
        Span<byte> bytes = stackalloc byte[20];
        if (text.Length != 40
            || Convert.FromHexString(text, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != 40 || written != 20)
        {
            return false;
        }

        hash = new BookHash(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]),
            null);
        return true;
    }

    public override string ToString() =>
        _other ?? string.Create(CultureInfo.InvariantCulture, $"{(ulong)(_head >> 64):x16}{(ulong)_head:x16}{_tail:x8}");
}
