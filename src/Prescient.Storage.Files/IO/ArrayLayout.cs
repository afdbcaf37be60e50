using Microsoft.Win32.SafeHandles;
using System.Text.Json;

namespace Prescient.Storage.Files.IO;

/// <summary>
/// The line layout of an append-only JSON array: <c>[\n</c>, records as compact JSON objects joined
/// by <c>,\n</c>, then <c>\n]\n</c>; empty, <c>[\n]\n</c>. The scan tells a valid file from one with a
/// torn tail (an append cut short, leaving only the part after the last complete record damaged)
/// and from one that is damaged elsewhere or formatted differently.
/// </summary>
internal static class ArrayLayout
{
    private const int BufferSize = 64 * 1024;

    private enum Expect
    {
        Open,
        RecordOrClose,
        Record,
        Close,
        End,
    }

    /// <summary>The whole content of an empty array file.</summary>
    public static ReadOnlySpan<byte> EmptyArray => "[\n]\n"u8;

    /// <summary>Whether the file of <paramref name="length"/> bytes behind <paramref name="handle"/> ends with <see cref="Closing"/>.</summary>
    public static bool EndsWithClosing(SafeFileHandle handle, long length)
    {
        Span<byte> tail = stackalloc byte[3];
        return length >= tail.Length
            && RandomAccess.Read(handle, tail, length - tail.Length) == tail.Length
            && tail.SequenceEqual(Closing);
    }

    /// <summary>The bytes that end every array file; an append writes over them.</summary>
    public static ReadOnlySpan<byte> Closing => "\n]\n"u8;

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public static async Task<LayoutScan> ScanAsync(string path, CancellationToken cancellationToken)
    {
        var stream = OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;
            var lines = new LineReader(stream);
            var expect = Expect.Open;
            var count = 0;
            var keepEnd = 0L;
            while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false))
            {
                var (next, consumed, reason) = Step(expect, lines.Line.Span, lines.Terminated);
                if (consumed >= 0)
                {
                    count++;
                    keepEnd = lines.LineStart + consumed;
                }
                else if (expect == Expect.Open && next == Expect.RecordOrClose)
                {
                    keepEnd = 1;
                }

                if (reason is not null)
                {
                    var line = lines.LineNumber;
                    var torn = await IsTornTailAsync(lines, expect, cancellationToken).ConfigureAwait(false);
                    return new LayoutScan(torn ? LayoutState.Torn : LayoutState.NotLayout, count, keepEnd, length, line, reason);
                }

                expect = next;
            }

            return expect == Expect.End
                ? new LayoutScan(LayoutState.Valid, count, length - Closing.Length, length, 0, "")
                : new LayoutScan(LayoutState.Torn, count, keepEnd, length, lines.LineNumber + 1, "the file ends before the closing ']' line");
        }
    }

    /// <summary>
    /// Reads the complete JSON object that starts <paramref name="line"/> and returns how many bytes
    /// it takes, or −1 when the line does not start with one (a torn record is never complete: its
    /// closing brace comes last).
    /// </summary>
    public static int CompleteObjectLength(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[0] != (byte)'{')
        {
            return -1;
        }

        // Only the first value is read; what follows it on the line is the caller's business.
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            reader.Read();
            reader.Skip();
            return (int)reader.BytesConsumed;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    /// <summary>One line against the layout: the next expectation, the length of a record read (−1 if none), and why the layout stops here (null if it goes on).</summary>
    private static (Expect Next, int Consumed, string? Reason) Step(Expect expect, ReadOnlySpan<byte> line, bool terminated)
    {
        var closeLine = terminated && line.SequenceEqual("]"u8);
        switch (expect)
        {
            case Expect.Open:
                return terminated && line.SequenceEqual("["u8)
                    ? (Expect.RecordOrClose, -1, null)
                    : (expect, -1, "the first line is not '['");
            case Expect.RecordOrClose when closeLine:
                return (Expect.End, -1, null);
            case Expect.RecordOrClose or Expect.Record:
                var consumed = CompleteObjectLength(line);
                if (consumed < 0)
                {
                    return (expect, -1, "not a complete JSON object on one line");
                }

                var rest = line[consumed..];
                return terminated && rest.SequenceEqual(","u8) ? (Expect.Record, consumed, null)
                    : terminated && rest.IsEmpty ? (Expect.Close, consumed, null)
                    : (expect, consumed, "unexpected text after the record");
            case Expect.Close:
                return closeLine ? (Expect.End, -1, null) : (expect, -1, "expected the closing ']' line");
            default:
                return (expect, -1, "text after the closing ']' line");
        }
    }

    /// <summary>
    /// True when what follows the line where the layout stopped can only be the remains of one
    /// interrupted append: nothing but blank or NUL-filled lines and closing brackets (a file
    /// extended by a crash reads as NUL bytes). Any further record-like line means the damage is in
    /// the middle, which is never repaired by dropping data.
    /// </summary>
    private static async Task<bool> IsTornTailAsync(LineReader lines, Expect stoppedAt, CancellationToken cancellationToken)
    {
        var stoppedLine = lines.Line;
        var stoppedTerminated = lines.Terminated;

        // A first line or a line after the closing bracket is torn only when it is '[' or nothing
        // followed by NUL bytes up to the end of the file; anything else there is a different file.
        if (stoppedAt is Expect.Open or Expect.End)
        {
            var start = stoppedAt == Expect.Open && !stoppedLine.IsEmpty && stoppedLine.Span[0] == (byte)'[' ? 1 : 0;
            if ((stoppedAt == Expect.Open && start == 0) || stoppedTerminated || !IsNul(stoppedLine.Span[start..]))
            {
                return false;
            }
        }

        while (await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            var rest = lines.Line.Span.TrimEnd((byte)0);
            if (!rest.IsEmpty && !rest.SequenceEqual("]"u8))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNul(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0) < 0;
}
