using System.Buffers;
using System.Runtime.CompilerServices;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// A forward cursor over one frame for <see cref="MarketFrameParser"/>'s fast path. It reads a strict
/// subset of JSON: no whitespace between tokens, and strings of printable ASCII without escapes, so a
/// string's raw bytes are its value. Each method says false, leaving the cursor where it was, on
/// anything outside that subset; whatever it accepts is JSON that <c>Utf8JsonReader</c> reads the same way.
/// </summary>
internal ref struct FrameScanner
{
    /// <summary>The bytes a plain string may hold: printable ASCII except the quote and the backslash.</summary>
    private static readonly SearchValues<byte> Plain = SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Where(b => b is not ('"' or '\\')).Select(b => (byte)b).ToArray());

    private readonly ReadOnlySpan<byte> _text;
    private int _at;

    public FrameScanner(ReadOnlySpan<byte> text) => _text = text;

    /// <summary>True once every byte has been read.</summary>
    public readonly bool AtEnd => _at == _text.Length;

    /// <summary>Steps over <paramref name="expected"/> if it is the next byte.</summary>
    public bool Skip(byte expected)
    {
        if (_at < _text.Length && _text[_at] == expected)
        {
            _at++;
            return true;
        }

        return false;
    }

    /// <summary>Steps over <paramref name="literal"/> if the text goes on with it (inlined, so a constant literal is compared in place).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Skip(ReadOnlySpan<byte> literal)
    {
        if (_text[_at..].StartsWith(literal))
        {
            _at += literal.Length;
            return true;
        }

        return false;
    }

    /// <summary>A string of exactly 40 hex digits (the CLOB's book hash), decoded in the pass that checks it.</summary>
    public bool TryHexHash(out BookHash hash)
    {
        hash = default;
        if (_at + 42 > _text.Length || _text[_at] != '"' || _text[_at + 41] != '"' || !BookHash.TryFromHex(_text.Slice(_at + 1, 40), out hash))
        {
            return false;
        }

        _at += 42;
        return true;
    }

    /// <summary>A string of ASCII digits only (a token id), found with a range search that needs no other check.</summary>
    public bool TryDigits(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (_at >= _text.Length || _text[_at] != '"')
        {
            return false;
        }

        var rest = _text[(_at + 1)..];
        var end = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (end < 0 || rest[end] != '"')
        {
            return false;
        }

        value = rest[..end];
        _at += end + 2;
        return true;
    }

    /// <summary>A plain string's bytes, without its quotes.</summary>
    public bool TryString(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (_at >= _text.Length || _text[_at] != '"')
        {
            return false;
        }

        var rest = _text[(_at + 1)..];
        var end = rest.IndexOfAnyExcept(Plain);
        if (end < 0 || rest[end] != '"')
        {
            return false;
        }

        value = rest[..end];
        _at += end + 2;
        return true;
    }

    /// <summary>
    /// A property name and the colon after it, as a key. A known key's bytes are its name, so they
    /// need no check; an unknown one must still be a plain string.
    /// </summary>
    public bool TryName(out FeedKey key)
    {
        key = FeedKey.Other;
        if (!TryQuoted(out var name) || _at + name.Length + 2 >= _text.Length || _text[_at + name.Length + 2] != ':')
        {
            return false;
        }

        key = FeedKeys.Of(name);
        if (key == FeedKey.Other && name.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            return false;
        }

        _at += name.Length + 3;
        return true;
    }

    /// <summary>
    /// A string that holds exactly a plain decimal (<see cref="FeedJson.PlainDecimalPrefix"/>), read in
    /// the pass that finds its end; false for any other string, which the caller may read as one.
    /// </summary>
    public bool TryPlainDecimal(out decimal value)
    {
        value = 0m;
        if (_at >= _text.Length || _text[_at] != '"')
        {
            return false;
        }

        var rest = _text[(_at + 1)..];
        var used = FeedJson.PlainDecimalPrefix(rest, out value);
        if (used == 0 || used >= rest.Length || rest[used] != '"')
        {
            return false;
        }

        _at += used + 2;
        return true;
    }

    /// <summary>
    /// The bytes between the quote at the cursor and the next quote, if no backslash comes first; the
    /// cursor stays. A byte at a time: names are short, too short for a vectorised search to pay.
    /// </summary>
    private readonly bool TryQuoted(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (_at >= _text.Length || _text[_at] != '"')
        {
            return false;
        }

        var rest = _text[(_at + 1)..];
        for (var end = 0; end < rest.Length; end++)
        {
            var b = rest[end];
            if (b == '"')
            {
                value = rest[..end];
                return true;
            }

            if (b == '\\')
            {
                return false;
            }
        }

        return false;
    }
}
