using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.IO;

/// <summary>Reads the records of a file in the <see cref="ArrayLayout"/>, one line at a time.</summary>
internal static class LayoutReader
{
    /// <summary>
    /// Streams the <paramref name="count"/> records that end before the closing bytes of a file of
    /// <paramref name="length"/> bytes, read through <paramref name="handle"/> (disposed at the end).
    /// A line that is not a record of <typeparamref name="T"/> is an <see cref="InvalidDataException"/>
    /// naming <paramref name="path"/> and the line.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        SafeFileHandle handle,
        string path,
        int count,
        long length,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        await using (stream.ConfigureAwait(false))
        {
            var lines = new LineReader(stream, length - ArrayLayout.Closing.Length);
            if (!await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) || !lines.Line.Span.SequenceEqual("["u8))
            {
                throw Corrupt(path, 1, "the first line is not '['");
            }

            for (var index = 0; index < count; index++)
            {
                if (!await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw Corrupt(path, lines.LineNumber + 1, $"{count} records expected, {index} found");
                }

                yield return ReadRecord<T>(lines, path, isLast: index == count - 1);
            }
        }
    }

    /// <summary>
    /// Copies the file of <paramref name="length"/> bytes, read through <paramref name="handle"/>
    /// (disposed at the end), to <paramref name="destination"/>: its bytes up to the closing, then the
    /// closing. An append writes from the closing on, so bytes before it are those of the records
    /// present when <paramref name="length"/> was taken, whatever is appended meanwhile.
    /// </summary>
    public static async Task CopyAsync(SafeFileHandle handle, string path, long length, Stream destination, CancellationToken cancellationToken)
    {
        using (handle)
        {
            var buffer = new byte[(int)Math.Min(64 * 1024, Math.Max(length, 1))];
            var end = length - ArrayLayout.Closing.Length;
            for (long offset = 0; offset < end;)
            {
                var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, (int)Math.Min(buffer.Length, end - offset)), offset, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"{path} ended at byte {offset} while copying its first {end} bytes.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                offset += read;
            }
        }

        await destination.WriteAsync(ArrayLayout.Closing.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The error for a line that is not what the layout says: the path, the 1-based line and why.</summary>
    public static InvalidDataException Corrupt(string path, int line, string reason, Exception? inner = null) =>
        JsonFile.Corrupt(path, $"line {line}: {reason}", inner);

    private static T ReadRecord<T>(LineReader lines, string path, bool isLast)
    {
        var line = lines.Line.Span;
        if (!isLast)
        {
            if (!lines.Terminated || !line.EndsWith(","u8))
            {
                throw Corrupt(path, lines.LineNumber, "a record followed by ',' expected");
            }

            line = line[..^1];
        }

        try
        {
            return JsonSerializer.Deserialize(line, PrescientJson.CompactOptions.TypeInfo<T>())
                ?? throw Corrupt(path, lines.LineNumber, "the record is null");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // Domain values (ids, prices) refuse invalid content with ArgumentException.
            throw Corrupt(path, lines.LineNumber, ex.Message, ex);
        }
    }
}
