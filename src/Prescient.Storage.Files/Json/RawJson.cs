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
    /// Writes <paramref name="json"/>, a valid JSON value in UTF-8, as it is; in an indented file it
    /// starts on its own line at the writer's indentation.
    /// </summary>
    public static void WriteLine(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var bytes = json;
        if (!writer.Options.Indented)
        {
            writer.WriteRawValue(bytes, skipInputValidation: true);
            return;
        }

        var indent = writer.CurrentDepth * writer.Options.IndentSize;
        var newLine = writer.Options.NewLine;
        var buffer = ArrayPool<byte>.Shared.Rent(newLine.Length + indent + bytes.Length);
        try
        {
            var length = Encoding.ASCII.GetBytes(newLine, buffer);
            buffer.AsSpan(length, indent).Fill((byte)writer.Options.IndentCharacter);
            length += indent;
            bytes.CopyTo(buffer.AsSpan(length));
            writer.WriteRawValue(buffer.AsSpan(0, length + bytes.Length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
