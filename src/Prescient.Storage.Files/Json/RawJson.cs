using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// Writes an upstream JSON value through as the bytes it arrived as, instead of re-serialising it
/// token by token: it was parsed already, so it is valid JSON. Bytes that are not valid UTF-8
/// (which a parse does not check inside strings) are re-serialised instead, which replaces each
/// bad sequence with U+FFFD.
/// </summary>
internal static class RawJson
{
    /// <summary>
    /// Writes <paramref name="value"/> as its received bytes (same value; whitespace and escapes as
    /// upstream sent them). In an indented file it starts on its own line at the writer's indentation,
    /// so an array of compact upstream objects reads as one object per line.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var bytes = JsonMarshal.GetRawUtf8Value(value);
        if (!Utf8.IsValid(bytes))
        {
            value.WriteTo(writer);
            return;
        }

        WriteLine(writer, bytes);
    }

    /// <summary>
    /// What goes before a value written raw so it starts on its own line at the writer's
    /// indentation (nothing when the writer does not indent): a caller that builds the value in
    /// <paramref name="buffer"/> after it writes the whole with one <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>.
    /// </summary>
    public static void WriteLinePrefix(Utf8JsonWriter writer, IBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Advance(LinePrefix(writer, buffer.GetSpan(PrefixLength(writer))));
    }

    /// <summary><paramref name="json"/>, a valid JSON value in UTF-8, as it is, on its own line.</summary>
    private static void WriteLine(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PrefixLength(writer) + json.Length);
        try
        {
            var length = LinePrefix(writer, buffer);
            json.CopyTo(buffer.AsSpan(length));
            writer.WriteRawValue(buffer.AsSpan(0, length + json.Length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int PrefixLength(Utf8JsonWriter writer) =>
        writer.Options.Indented ? writer.Options.NewLine.Length + (writer.CurrentDepth * writer.Options.IndentSize) : 0;

    /// <summary>Writes the line break and indentation into <paramref name="span"/>; their length.</summary>
    private static int LinePrefix(Utf8JsonWriter writer, Span<byte> span)
    {
        if (!writer.Options.Indented)
        {
            return 0;
        }

        var length = Encoding.ASCII.GetBytes(writer.Options.NewLine, span);
        var indent = writer.CurrentDepth * writer.Options.IndentSize;
        span.Slice(length, indent).Fill((byte)writer.Options.IndentCharacter);
        return length + indent;
    }
}
