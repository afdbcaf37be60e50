namespace Prescient.Storage.Files.IO;

/// <summary>
/// Splits a stream into lines on <c>\n</c>, buffering one line at a time (the buffer grows to the
/// longest line), and says where each line starts in the file and whether a <c>\n</c> ended it.
/// </summary>
internal sealed class LineReader
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private long _remaining;
    private byte[] _buffer = new byte[InitialBufferSize];
    private long _bufferOffset;
    private int _start;
    private int _end;
    private bool _endOfInput;

    /// <param name="stream">Read from its current position, assumed to be offset 0.</param>
    /// <param name="limit">Bytes to read at most: the rest of the stream is not looked at.</param>
    public LineReader(Stream stream, long limit = long.MaxValue)
    {
        _stream = stream;
        _remaining = limit;
    }

    /// <summary>The current line without its <c>\n</c>; valid until the next read.</summary>
    public ReadOnlyMemory<byte> Line { get; private set; }

    /// <summary>The file offset of the first byte of <see cref="Line"/>.</summary>
    public long LineStart { get; private set; }

    /// <summary>True when a <c>\n</c> ends the line; false for a last line cut off by the end of input.</summary>
    public bool Terminated { get; private set; }

    /// <summary>1-based number of the current line.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Moves to the next line; false at the end of input (an empty unterminated remainder is no line).</summary>
    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return Take(newline, newline + 1, terminated: true);
            }

            if (_endOfInput)
            {
                return _end > _start && Take(_end - _start, _end - _start, terminated: false);
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Take(int length, int consumed, bool terminated)
    {
        Line = _buffer.AsMemory(_start, length);
        LineStart = _bufferOffset + _start;
        Terminated = terminated;
        LineNumber++;
        _start += consumed;
        return true;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var wanted = (int)Math.Min(_buffer.Length - _end, _remaining);
        var read = wanted == 0 ? 0 : await _stream.ReadAsync(_buffer.AsMemory(_end, wanted), cancellationToken).ConfigureAwait(false);
        _end += read;
        _remaining -= read;
        _endOfInput = read == 0;
    }
}
