namespace Prescient.Storage.Files.IO;

/// <summary>
/// A file being written beside its target under the <see cref="AtomicFile"/> temporary name, so a
/// crash leaves at most a stale temp that acquiring the data folder lock removes. Once closed
/// (flushed to disk) it is renamed over the target; disposed before that, it is deleted and the
/// target is left as it was.
/// </summary>
internal sealed class PendingFile : IAsyncDisposable
{
    private static readonly Lock CreateGate = new();

    private const int BufferSize = 64 * 1024;

    private readonly SyncingFileStream _stream;
    private bool _closed;
    private bool _moved;

    private PendingFile(string target, string tempPath, SyncingFileStream stream)
    {
        Target = target;
        TempPath = tempPath;
        _stream = stream;
    }

    /// <summary>The absolute path the content is for.</summary>
    public string Target { get; }

    /// <summary>Where the content is while it is being written.</summary>
    public string TempPath { get; }

    /// <summary>The open temporary file; writable until <see cref="CloseAsync"/>.</summary>
    public Stream Stream => _stream;

    /// <summary>
    /// Creates the temporary file for <paramref name="path"/> (its folder too, if needed). It goes
    /// to disk in the background as it grows (see <see cref="SyncingFileStream"/>), so closing it
    /// waits only for the last stretch.
    /// </summary>
    public static PendingFile Create(string path) => Create(path, SyncingFileStream.SyncEveryBytes);

    /// <summary>Creates a scratch file: read back and deleted, never flushed to disk (see <see cref="CloseScratchAsync"/>).</summary>
    public static PendingFile CreateScratch(string path) => Create(path, long.MaxValue);

    private static PendingFile Create(string path, long syncEveryBytes)
    {
        var target = Path.GetFullPath(path);
        var temp = AtomicFile.NewTempPath(target);
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        return new PendingFile(target, temp, new SyncingFileStream(stream, syncEveryBytes));
    }

    /// <summary>Flushes the content to disk (fsync) and closes the temporary file.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return;
        }

        // fsync: the bytes must be on disk before the rename makes them the file's content, or a
        // power loss could leave the new name pointing at an empty file.
        await _stream.FlushToDiskAsync(cancellationToken).ConfigureAwait(false);
        _closed = true;
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Flushes the content to the operating system and closes the temporary file without waiting
    /// for the disk: for a scratch file that is read back and deleted, never renamed over a target.
    /// </summary>
    public async Task CloseScratchAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return;
        }

        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _closed = true;
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Renames the closed temporary file over the target, replacing it.</summary>
    public void Replace()
    {
        RequireClosed();
        File.Move(TempPath, Target, overwrite: true);
        _moved = true;
    }

    /// <summary>
    /// Renames the closed temporary file to the target only if the target does not exist: true when
    /// this call created it, false when it was already there (also when another writer won a race).
    /// </summary>
    public bool TryCreate()
    {
        RequireClosed();

        // Check-then-move is made atomic within the process by this lock; other processes are kept
        // out of the data folder by DataFolderLock. (File.Move without overwrite is not enough on its
        // own: where the file system refuses hard links .NET falls back to an exists-check and rename.)
        lock (CreateGate)
        {
            if (File.Exists(Target))
            {
                return false;
            }

            try
            {
                File.Move(TempPath, Target, overwrite: false);
                _moved = true;
                return true;
            }
            catch (IOException) when (File.Exists(Target))
            {
                return false;
            }
        }
    }

    /// <summary>Closes and deletes the temporary file unless it became the target.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            try
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Closing flushes the buffer of a file that is deleted next: its failure is moot.
            }
        }

        if (!_moved)
        {
            AtomicFile.TryDelete(TempPath);
        }
    }

    private void RequireClosed()
    {
        if (!_closed || _moved)
        {
            throw new InvalidOperationException($"The temporary file for {Target} must be closed, and not yet moved, before it replaces the target.");
        }
    }
}
