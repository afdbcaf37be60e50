using System.Buffers;
using System.Text.Json;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.IO;

/// <summary>Whole files in the <see cref="ArrayLayout"/>: new ones, and the one-time rewrite of an array formatted otherwise.</summary>
internal static class LayoutWriter
{
    private static readonly byte[] Open = "[\n"u8.ToArray();
    private static readonly byte[] Separator = ",\n"u8.ToArray();
    private static readonly byte[] Close = "\n]\n"u8.ToArray();
    private static readonly byte[] EmptyClose = "]\n"u8.ToArray();

    /// <summary>Writes <paramref name="lines"/> (each one compact JSON object) in the layout.</summary>
    public static async Task WriteAsync(Stream stream, IEnumerable<byte[]> lines, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Open, cancellationToken).ConfigureAwait(false);
        var first = true;
        foreach (var line in lines)
        {
            if (!first)
            {
                await stream.WriteAsync(Separator, cancellationToken).ConfigureAwait(false);
            }

            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            first = false;
        }

        await stream.WriteAsync(first ? EmptyClose : Close, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// When <paramref name="path"/> holds a JSON array of objects that all read as <typeparamref name="T"/>,
    /// replaces it atomically with the same objects in the layout (each written back as it was, fields
    /// this code does not know included) and returns how many there are; otherwise leaves it alone and
    /// returns null.
    /// </summary>
    public static async Task<int?> TryReformatAsync<T>(string path, CancellationToken cancellationToken)
    {
        // Any JSON array ends with ']' (and maybe whitespace). Checking that first keeps a torn file,
        // which does not, from being parsed whole however large it is.
        if (!await EndsWithBracketAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var lines = await CompactLinesAsync<T>(path, cancellationToken).ConfigureAwait(false);
        if (lines is null)
        {
            return null;
        }

        await AtomicFile.WriteAsync(path, (stream, ct) => WriteAsync(stream, lines, ct), cancellationToken).ConfigureAwait(false);
        return lines.Count;
    }

    private static async Task<List<byte[]>?> CompactLinesAsync<T>(string path, CancellationToken cancellationToken)
    {
        JsonDocument document;
        var stream = ArrayLayout.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var lines = new List<byte[]>(document.RootElement.GetArrayLength());
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object || !IsRecord<T>(element))
                {
                    return null;
                }

                lines.Add(Compact(element));
            }

            return lines;
        }
    }

    private static bool IsRecord<T>(JsonElement element)
    {
        try
        {
            return element.Deserialize(PrescientJson.Options.TypeInfo<T>()) is not null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // Domain values (ids, prices) refuse invalid content with ArgumentException.
            return false;
        }
    }

    private static byte[] Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, PrescientJson.CompactWriterOptions))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<bool> EndsWithBracketAsync(string path, CancellationToken cancellationToken)
    {
        var stream = ArrayLayout.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var tail = new byte[(int)Math.Min(stream.Length, 256)];
            stream.Seek(-tail.Length, SeekOrigin.End);
            await stream.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
            var trimmed = tail.AsSpan().TrimEnd(" \t\r\n"u8);
            return !trimmed.IsEmpty && trimmed[^1] == (byte)']';
        }
    }
}
