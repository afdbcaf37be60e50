using System.Runtime.CompilerServices;

namespace Prescient.Polymarket.MarketHistory;

/// <summary>
/// Splits a feed tape file into its frames, streaming (a tape can be far larger than memory): frames are
/// separated by <c>;;</c> or by a line break, blank ones dropped, a UTF-8 byte-order mark at the start
/// ignored. Both separators are ASCII, which no byte of a multi-byte UTF-8 character is, and JSON text
/// holds no raw line break, so the bytes are cut without decoding. Each frame's memory is reused for
/// the next: parse it before moving on.
/// </summary>
internal static class FeedTapeFrames
{
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadAsync(string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[1 << 16];
            var frame = new Frame();
            var semicolon = false;
            var start = true;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var i = 0;
                if (start)
                {
                    start = false;
                    i = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
                }

                for (; i < read; i++)
                {
                    var b = buffer[i];
                    if (b == (byte)';' && !semicolon)
                    {
                        semicolon = true;
                        continue;
                    }

                    var cut = b == (byte)'\n' || (b == (byte)';' && semicolon);
                    if (semicolon && b != (byte)';')
                    {
                        frame.Add((byte)';');
                    }

                    semicolon = false;
                    if (!cut)
                    {
                        frame.Add(b);
                    }
                    else if (frame.Take() is { IsEmpty: false } whole)
                    {
                        yield return whole;
                    }
                }
            }

            if (semicolon)
            {
                frame.Add((byte)';');
            }

            if (frame.Take() is { IsEmpty: false } last)
            {
                yield return last;
            }
        }
    }

    /// <summary>The bytes of the frame being read, grown as needed and reused.</summary>
    private sealed class Frame
    {
        private byte[] _bytes = new byte[4096];
        private int _length;

        public void Add(byte b)
        {
            if (_length == _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }

            _bytes[_length++] = b;
        }

        /// <summary>The frame read so far without surrounding white space (empty when blank); the next frame starts empty.</summary>
        public ReadOnlyMemory<byte> Take()
        {
            var (start, end) = (0, _length);
            while (start < end && IsSpace(_bytes[start]))
            {
                start++;
            }

            while (end > start && IsSpace(_bytes[end - 1]))
            {
                end--;
            }

            _length = 0;
            return _bytes.AsMemory(start, end - start);
        }

        private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
    }
}
