using System.Text.Json;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.IO;

/// <summary>
/// The end of a file in the <see cref="ArrayLayout"/>, read backwards from its closing bytes without
/// scanning the rest: its length and the lines of its last records. What reads only the newest
/// records (<c>prescient trades</c>) or checks that a file is still what it was (the ledger
/// checkpoint) needs nothing more, whatever the file's size.
/// </summary>
/// <param name="Length">The file's length in bytes when it was read.</param>
/// <param name="Records">The last records' lines, oldest first, each a JSON object without its ',' separator.</param>
/// <param name="Whole">Whether <paramref name="Records"/> holds every record of the file.</param>
internal sealed record LayoutTail(long Length, IReadOnlyList<byte[]> Records, bool Whole)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// The last <paramref name="count"/> records of <paramref name="path"/>; null when there is no
    /// file, or its end is not the layout's (no closing bytes, a record not followed by ',', a torn
    /// tail): the caller then reads the file the whole way, which repairs or reports it.
    /// </summary>
    public static LayoutTail? Read(string path, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!File.Exists(path))
        {
            return null;
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (length < ArrayLayout.EmptyArray.Length || !ArrayLayout.EndsWithClosing(handle, length))
        {
            return null;
        }

        // The content before the closing's '\n]\n': "[", then "\n" + record per record.
        var end = length - ArrayLayout.Closing.Length;
        var start = end;
        var buffer = Array.Empty<byte>();
        while (start > 0 && buffer.AsSpan().Count((byte)'\n') <= count)
        {
            var size = (int)Math.Min(ChunkSize, start);
            var grown = new byte[size + buffer.Length];
            if (RandomAccess.Read(handle, grown.AsSpan(0, size), start - size) != size)
            {
                return null;
            }

            buffer.CopyTo(grown, size);
            buffer = grown;
            start -= size;
        }

        return Split(buffer, start == 0, count) is { } records ? new LayoutTail(length, records.Records, records.Whole) : null;
    }

    /// <summary>
    /// <see cref="Records"/> read as <typeparamref name="T"/>; null when one does not, for the caller
    /// to read the file the whole way and get the error with its line.
    /// </summary>
    public IReadOnlyList<T>? TryParse<T>()
        where T : notnull
    {
        var records = new T[Records.Count];
        try
        {
            for (var i = 0; i < records.Length; i++)
            {
                if (JsonSerializer.Deserialize(Records[i], PrescientJson.CompactOptions.TypeInfo<T>()) is not { } record)
                {
                    return null;
                }

                records[i] = record;
            }
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return null;
        }

        return records;
    }

    private static (IReadOnlyList<byte[]> Records, bool Whole)? Split(byte[] content, bool fromStart, int count)
    {
        var lines = new List<byte[]>();
        var span = content.AsSpan();
        var whole = false;
        while (lines.Count < count)
        {
            var cut = span.LastIndexOf((byte)'\n');
            if (cut < 0)
            {
                // The first line of the file ("["), or a line that started before what was read.
                whole = fromStart && span.SequenceEqual("["u8);
                if (fromStart && !whole)
                {
                    return null;
                }

                break;
            }

            var line = span[(cut + 1)..];
            var isLast = lines.Count == 0;
            if (line.IsEmpty || line[0] != (byte)'{' || (!isLast && !line.EndsWith(","u8)))
            {
                return null;
            }

            lines.Add((isLast ? line : line[..^1]).ToArray());
            span = span[..cut];
        }

        whole |= fromStart && span.SequenceEqual("["u8);
        lines.Reverse();
        return (lines, whole);
    }
}
