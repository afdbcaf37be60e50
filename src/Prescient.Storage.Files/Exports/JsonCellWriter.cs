using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Writes one flattened leaf (see <see cref="JsonFlattener"/>) as a CSV field: null is an empty
/// cell, numbers are written as received, strings are neutralised like any text (see
/// <see cref="CsvCell.Text"/>), arrays and empty objects are compact JSON text whatever whitespace
/// they arrived with. The field comes from the received UTF-8 bytes, or from a reused buffer when
/// they are not its text yet, never from a string per cell; so the values must be valid UTF-8, as
/// <see cref="JsonFlattener"/> makes them.
/// </summary>
internal sealed class JsonCellWriter : IDisposable
{
    private static readonly JsonWriterOptions Compact = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _compact = new();
    private readonly Utf8JsonWriter _compactWriter;

    /// <summary>A string's text at offset 1, after room for the neutralising quote.</summary>
    private byte[] _text = new byte[256];

    public JsonCellWriter()
    {
        _compactWriter = new Utf8JsonWriter(_compact, Compact);
    }

    /// <summary>Writes <paramref name="value"/> as the next field of <paramref name="csv"/>; <c>default</c> is an empty cell.</summary>
    public void Write(CsvWriter csv, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(csv);
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                csv.WriteField(ReadOnlySpan<byte>.Empty);
                break;
            case JsonValueKind.String:
                WriteText(csv, value);
                break;
            case JsonValueKind.Number:
                // ASCII as received: a leading '-' is a sign here, not a formula.
                csv.WriteField(JsonMarshal.GetRawUtf8Value(value));
                break;
            case JsonValueKind.True:
                csv.WriteField("true"u8);
                break;
            case JsonValueKind.False:
                csv.WriteField("false"u8);
                break;
            default:
                WriteCompact(csv, value);
                break;
        }
    }

    public void Dispose() => _compactWriter.Dispose();

    private void WriteText(CsvWriter csv, JsonElement value)
    {
        var token = JsonMarshal.GetRawUtf8Value(value);
        var received = token[1..^1];
        int length;
        if (received.IndexOf((byte)'\\') < 0)
        {
            if (received.IsEmpty || !CsvCell.IsFormulaTrigger((char)received[0]))
            {
                csv.WriteField(received);
                return;
            }

            GrowText(received.Length + 1);
            received.CopyTo(_text.AsSpan(1));
            length = received.Length;
        }
        else
        {
            // Unescaping only shortens text. Invalid UTF-16 escapes (a lone surrogate) throw, as GetString does.
            GrowText(received.Length + 1);
            var reader = new Utf8JsonReader(token);
            reader.Read();
            length = reader.CopyString(_text.AsSpan(1));
        }

        // The quote in front keeps a spreadsheet from running the text as a formula.
        var neutralise = length > 0 && CsvCell.IsFormulaTrigger((char)_text[1]);
        _text[0] = (byte)'\'';
        csv.WriteField(neutralise ? _text.AsSpan(0, length + 1) : _text.AsSpan(1, length));
    }

    private void GrowText(int length)
    {
        if (_text.Length < length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }
    }

    /// <summary>An array or empty object as compact JSON: it starts with a bracket, so it is never a formula.</summary>
    private void WriteCompact(CsvWriter csv, JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (IsWriterOutput(raw))
        {
            csv.WriteField(raw);
            return;
        }

        _compact.ResetWrittenCount();
        _compactWriter.Reset(_compact);
        value.WriteTo(_compactWriter);
        _compactWriter.Flush();
        csv.WriteField(_compact.WrittenSpan);
    }

    /// <summary>
    /// True when <paramref name="raw"/> is already exactly what the compact writer would write for
    /// it (it usually is: upstream sends compact JSON), so it need not be rewritten: printable
    /// ASCII, no whitespace outside strings, and no escapes but the ones the writer itself uses
    /// (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>).
    /// </summary>
    internal static bool IsWriterOutput(ReadOnlySpan<byte> raw)
    {
        var inString = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }

            if (!inString)
            {
                if (b == (byte)' ')
                {
                    return false;
                }

                inString = b == (byte)'"';
            }
            else if (b == (byte)'"')
            {
                inString = false;
            }
            else if (b == (byte)'\\')
            {
                i++;
                if (i == raw.Length || raw[i] is not ((byte)'"' or (byte)'\\' or (byte)'n' or (byte)'r' or (byte)'t'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
