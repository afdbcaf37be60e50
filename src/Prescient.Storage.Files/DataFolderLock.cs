using System.Globalization;
using System.Text;
using System.Text.Json;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files;

/// <summary>
/// One writer per data folder, across processes: an exclusive OS lock on <c>&lt;root&gt;/.prescient.lock</c>
/// held for the lifetime of this object. .NET opens the file with <see cref="FileShare.None"/>, which
/// is a share-mode lock on Windows and an advisory <c>flock(LOCK_EX)</c> on Linux and macOS (so
/// <c>flock -n</c> from a shell sees it too). The OS drops the lock when the process dies, so a crash
/// never leaves the folder locked.
/// </summary>
/// <remarks>
/// The holder's pid and start time are written into the lock file (for people: <c>cat</c> ignores
/// the lock) and into <c>.prescient.lock.owner</c> (for the next process: .NET cannot open a file
/// another process has locked, even to read it). Setting <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>
/// turns the lock off; don't.
/// </remarks>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly DataFolder _folder;
    private bool _disposed;

    private DataFolderLock(FileStream stream, DataFolder folder, DateTimeOffset since, IReadOnlyList<string> staleTempFiles)
    {
        _stream = stream;
        _folder = folder;
        Since = since;
        StaleTempFilesRemoved = staleTempFiles;
    }

    public DataFolder Folder => _folder;

    /// <summary>When this process took the lock (UTC).</summary>
    public DateTimeOffset Since { get; }

    /// <summary>Temporary files of interrupted writes that were deleted on acquiring; the caller may log them.</summary>
    public IReadOnlyList<string> StaleTempFilesRemoved { get; }

    /// <inheritdoc cref="Acquire(DataFolder, TimeProvider?)"/>
    public static DataFolderLock Acquire(string dataDirectory, TimeProvider? timeProvider = null) =>
        Acquire(new DataFolder(dataDirectory), timeProvider);

    /// <summary>
    /// Takes the lock without waiting (creating the folder if needed), records the owner, then
    /// removes temporary files left by a crashed writer (safe now: no other writer can be running).
    /// A quick, local operation meant for start-up, hence synchronous.
    /// </summary>
    /// <exception cref="DataFolderLockedException">The folder is in use.</exception>
    public static DataFolderLock Acquire(DataFolder folder, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder.Root);

        FileStream stream;
        try
        {
            stream = new FileStream(folder.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (IsLockConflict(ex))
        {
            throw Locked(folder, ex);
        }

        try
        {
            var owner = new LockOwner(Environment.ProcessId, Environment.MachineName, (timeProvider ?? TimeProvider.System).GetUtcNow());
            stream.SetLength(0);
            stream.Write(Encoding.UTF8.GetBytes(Describe(owner) + "\n"));

            // Not flushed to disk: the OS lock ends with its process (or the machine), so what these
            // files say of the holder only matters while it runs, and the next holder rewrites both.
            stream.Flush();
            AtomicFile.WriteAllBytes(folder.LockOwnerFile, JsonSerializer.SerializeToUtf8Bytes(owner, PrescientJson.Options.TypeInfo<LockOwner>()), durable: false);
            var stale = folder.DeleteStaleTempFiles();
            return new DataFolderLock(stream, folder, owner.Since, stale);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Releases the lock. The owner record goes first, so it never names a process that no longer holds it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            File.Delete(_folder.LockOwnerFile);
            _stream.SetLength(0);
        }
        catch (DirectoryNotFoundException)
        {
            // The folder was removed under us; the OS lock still goes with the stream below.
        }
        finally
        {
            _stream.Dispose();
        }
    }

    /// <summary>
    /// The OS refused the open because someone else holds the lock: EWOULDBLOCK from flock (11 on
    /// Linux, 35 on macOS) or a sharing/lock violation on Windows. Other I/O errors (disk full,
    /// permissions) are not reported as "in use".
    /// </summary>
    private static bool IsLockConflict(IOException ex) =>
        ex.GetType() == typeof(IOException)
        && ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    private static DataFolderLockedException Locked(DataFolder folder, IOException cause)
    {
        var owner = ReadOwner(folder);
        var message = owner is null
            ? $"data folder {folder.Root} is in use by another process"
            : $"data folder {folder.Root} is in use by another prescient process ({Describe(owner)})";
        return new DataFolderLockedException(message, cause)
        {
            DataFolderRoot = folder.Root,
            OwnerProcessId = owner?.Pid,
            OwnerSince = owner?.Since,
        };
    }

    /// <summary>The owner record, or null when it is missing or unreadable: it only improves the message.</summary>
    private static LockOwner? ReadOwner(DataFolder folder)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(folder.LockOwnerFile), PrescientJson.Options.TypeInfo<LockOwner>());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static string Describe(LockOwner owner) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"pid {owner.Pid}, since {owner.Since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
}
