namespace Prescient.Storage.Files.IO;

/// <summary>
/// A write-only stream over a <see cref="FileStream"/> that starts flushing the file to disk in the
/// background each time another <c>syncEveryBytes</c> have been written, so the fsync that
/// must precede a rename only has the last stretch left to write instead of the whole file. One
/// background flush runs at a time; <see cref="FlushToDiskAsync"/> waits for it and flushes the rest.
/// </summary>
internal sealed class SyncingFileStream(FileStream file, long syncEveryBytes) : Stream
{
    /// <summary>Bytes written between two background flushes to disk, by default.</summary>
    public const long SyncEveryBytes = 4 * 1024 * 1024;

    private long _sinceSync;
    private Task _sync = Task.CompletedTask;

    /// <summary>Background flushes to disk started so far.</summary>
    public int BackgroundFlushes { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        file.Write(buffer);
        Written(buffer.Length);
    }

    public override void WriteByte(byte value)
    {
        file.WriteByte(value);
        Written(1);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Written(buffer.Length);
    }

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    /// <summary>Every byte written so far on disk: the buffer to the file, then the file to disk (after any background flush).</summary>
    public async Task FlushToDiskAsync(CancellationToken cancellationToken)
    {
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _sync.ConfigureAwait(false);
        file.Flush(flushToDisk: true);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await _sync.ConfigureAwait(false);
        }
        catch (IOException)
        {
            // A failed background flush matters only to a file that is kept, whose close reports it.
        }

        await file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Written(int count)
    {
        _sinceSync += count;
        // A failed flush is kept for FlushToDiskAsync to report, not replaced by the next one.
        if (_sinceSync < syncEveryBytes || _sync.Status != TaskStatus.RanToCompletion)
        {
            return;
        }

        // What the file stream has handed to the OS so far goes to disk while writing goes on.
        _sinceSync = 0;
        BackgroundFlushes++;
        var handle = file.SafeFileHandle;
        _sync = Task.Run(() => RandomAccess.FlushToDisk(handle));
    }
}
