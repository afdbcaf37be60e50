using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.IO;

/// <summary>
/// A JSON array file that only grows: <c>[\n</c>, one compact record per line joined by <c>,\n</c>,
/// then <c>\n]\n</c> (empty: <c>[\n]\n</c>). Appending a record is one positioned write over the final
/// <c>\n]\n</c> of <c>,\n</c> + record + <c>\n]\n</c>, then an fsync: the cost does not depend on the
/// file's size, nothing is ever read back and rewritten, and a process killed at any moment leaves
/// valid JSON holding the record or not.
/// </summary>
/// <remarks>
/// A power loss or a full disk can still tear an append. A failed append puts the previous bytes
/// back before it rethrows; the first access in a process scans the file, repairs a torn tail (it
/// keeps every complete record, drops the partial one, and logs it), creates a missing file, and
/// rewrites once, atomically, an array formatted otherwise. Damage anywhere but the tail is an
/// <see cref="InvalidDataException"/> naming the file and line, and the file is left as it is.
/// The record count and length are kept in memory and checked against the file (length and last
/// bytes) on every access; appends in this process are serialized. Other processes are kept out by
/// the <see cref="DataFolderLock"/>.
/// </remarks>
/// <typeparam name="T">A record type that serializes to a JSON object.</typeparam>
public sealed class AppendOnlyJsonArray<T>
    where T : notnull
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger;
    private bool _open;
    private int _count;
    private long _length;

    public AppendOnlyJsonArray(string path, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The absolute path of the file.</summary>
    public string Path { get; }

    /// <summary>The positioned write of an append (replaced in tests to inject a failure part way).</summary>
    internal Action<SafeFileHandle, ReadOnlyMemory<byte>, long> WriteAt { get; init; } =
        static (handle, bytes, offset) => RandomAccess.Write(handle, bytes.Span, offset);

    /// <summary>
    /// Creates <paramref name="path"/> atomically in the layout with <paramref name="records"/>: a
    /// ledger built elsewhere (an import, a benchmark). An existing file is never replaced.
    /// </summary>
    /// <exception cref="IOException">The file exists.</exception>
    public static async Task CreateAsync(string path, IEnumerable<T> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var created = await AtomicFile.TryCreateAsync(
            path,
            (stream, ct) => LayoutWriter.WriteAsync(stream, records.Select(Serialize), ct),
            cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            throw new IOException($"{path} already exists: an append-only file is never replaced.");
        }
    }

    /// <summary>Opens the file now (creating or repairing it if needed, see the remarks) and returns the number of records.</summary>
    public async Task<int> OpenAsync(CancellationToken cancellationToken)
    {
        var (handle, count, _) = (await SnapshotAsync(ifExists: false, cancellationToken).ConfigureAwait(false))!.Value;
        handle.Dispose();
        return count;
    }

    /// <summary>Appends <paramref name="record"/>; on return it is on disk and the file is valid JSON.</summary>
    public async Task AppendAsync(T record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Serialize(record);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var handle = await OpenCurrentAsync(FileAccess.ReadWrite, cancellationToken).ConfigureAwait(false);

            // The last point of no return: from here the write and the fsync run to completion.
            cancellationToken.ThrowIfCancellationRequested();
            Append(handle, line);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every record, oldest first.</summary>
    public async Task<IReadOnlyList<T>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var records = new List<T>();
        await foreach (var record in ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>
    /// Streams the records present when the enumeration starts, oldest first; appends made meanwhile
    /// are not waited for. A record that does not read as <typeparamref name="T"/> is an
    /// <see cref="InvalidDataException"/> naming the file and line.
    /// </summary>
    public async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (handle, count, length) = (await SnapshotAsync(ifExists: false, cancellationToken).ConfigureAwait(false))!.Value;

        // Appends only write from the closing bytes on, so everything before them stays as it is: read
        // through the handle taken above, it holds exactly these records whatever is appended meanwhile.
        await foreach (var record in LayoutReader.ReadAsync<T>(handle, Path, count, length, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <summary>
    /// Copies the file as it stands when the call starts to <paramref name="destination"/>: the bytes of
    /// the records present then, and the closing. Appends made meanwhile write from the closing on, so
    /// the copy is always whole, valid JSON (a server answering while trades are filled). False, and
    /// nothing written, when the file does not exist yet: reading creates nothing.
    /// </summary>
    public async Task<bool> TryCopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (await SnapshotAsync(ifExists: true, cancellationToken).ConfigureAwait(false) is not var (handle, _, length))
        {
            return false;
        }

        await LayoutReader.CopyAsync(handle, Path, length, destination, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Under the gate, a read handle on the file as this object knows it, with its record count and
    /// length at that moment; null when <paramref name="ifExists"/> and there is no file (nothing created).
    /// </summary>
    private async Task<(SafeFileHandle Handle, int Count, long Length)?> SnapshotAsync(bool ifExists, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ifExists && !File.Exists(Path))
            {
                return null;
            }

            var handle = await OpenCurrentAsync(FileAccess.Read, cancellationToken).ConfigureAwait(false);
            return (handle, _count, _length);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static byte[] Serialize(T record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record, PrescientJson.CompactOptions.TypeInfo<T>());
        return line.Length > 0 && line[0] == (byte)'{' && !line.AsSpan().Contains((byte)'\n')
            ? line
            : throw new ArgumentException($"A record of {typeof(T).Name} must serialize to a JSON object on one line.", nameof(record));
    }

    /// <summary>
    /// A handle on the file as this object knows it: opened (created, repaired) on first use, and
    /// read again when its length or last bytes are not what the last access left.
    /// </summary>
    private async Task<SafeFileHandle> OpenCurrentAsync(FileAccess access, CancellationToken cancellationToken)
    {
        if (_open)
        {
            var handle = File.Exists(Path) ? OpenHandle(access) : null;
            var actual = handle is null ? 0 : RandomAccess.GetLength(handle);
            if (handle is not null && actual == _length && ArrayLayout.EndsWithClosing(handle, actual))
            {
                return handle;
            }

            handle?.Dispose();
            AppendOnlyLog.ChangedOnDisk(_logger, Path, actual, _length);
            _open = false;
        }

        await OpenFileAsync(cancellationToken).ConfigureAwait(false);
        return OpenHandle(access);
    }

    private async Task OpenFileAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path)
            && await AtomicFile.TryCreateAsync(Path, (s, ct) => LayoutWriter.WriteAsync(s, [], ct), cancellationToken).ConfigureAwait(false))
        {
            AppendOnlyLog.Created(_logger, Path);
        }

        var scan = await ArrayLayout.ScanAsync(Path, cancellationToken).ConfigureAwait(false);
        if (scan.State != LayoutState.Valid)
        {
            if (await LayoutWriter.TryReformatAsync<T>(Path, cancellationToken).ConfigureAwait(false) is { } records)
            {
                AppendOnlyLog.Reformatted(_logger, Path, records);
                scan = await ArrayLayout.ScanAsync(Path, cancellationToken).ConfigureAwait(false);
            }
            else if (scan.State == LayoutState.Torn)
            {
                scan = Repair(scan);
            }
            else
            {
                throw Corrupt(scan.Line, scan.Reason + "; the file is left as it is");
            }

            if (scan.State != LayoutState.Valid)
            {
                throw Corrupt(scan.Line, scan.Reason + " after rewriting the file into the layout");
            }
        }

        (_count, _length, _open) = (scan.Count, scan.Length, true);
    }

    /// <summary>Cuts the torn tail off after the last complete record and writes the closing back.</summary>
    private LayoutScan Repair(LayoutScan scan)
    {
        var closing = scan.KeepEnd == 0 ? ArrayLayout.EmptyArray : ArrayLayout.Closing;
        using (var handle = OpenHandle(FileAccess.ReadWrite))
        {
            // Truncating first: a crash between the two calls leaves a file that ends with a complete
            // record, which the next open repairs the same way.
            RandomAccess.SetLength(handle, scan.KeepEnd);
            RandomAccess.Write(handle, closing, scan.KeepEnd);
            RandomAccess.FlushToDisk(handle);
        }

        AppendOnlyLog.TornTailRepaired(_logger, Path, scan.Count, scan.Length - scan.KeepEnd, scan.Reason, scan.Line);
        return scan with { State = LayoutState.Valid, Length = scan.KeepEnd + closing.Length };
    }

    private void Append(SafeFileHandle handle, byte[] line)
    {
        var closing = ArrayLayout.Closing;
        var separator = _count == 0 ? "\n"u8 : ",\n"u8;
        var bytes = new byte[separator.Length + line.Length + closing.Length];
        separator.CopyTo(bytes);
        line.CopyTo(bytes, separator.Length);
        closing.CopyTo(bytes.AsSpan(separator.Length + line.Length));

        var offset = _length - closing.Length;
        try
        {
            WriteAt(handle, bytes, offset);
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException)
        {
            Restore(handle, offset);
            throw;
        }

        _count++;
        _length = offset + bytes.Length;
    }

    /// <summary>Puts back the closing bytes and the length a failed append overwrote; if even that fails, the next access repairs.</summary>
    private void Restore(SafeFileHandle handle, long offset)
    {
        try
        {
            RandomAccess.Write(handle, ArrayLayout.Closing, offset);
            RandomAccess.SetLength(handle, _length);
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException ex)
        {
            _open = false;
            AppendOnlyLog.RestoreFailed(_logger, Path, ex);
        }
    }

    private SafeFileHandle OpenHandle(FileAccess access) =>
        File.OpenHandle(Path, FileMode.Open, access, access == FileAccess.Read ? FileShare.ReadWrite | FileShare.Delete : FileShare.Read);

    private InvalidDataException Corrupt(int line, string reason) => LayoutReader.Corrupt(Path, line, reason);
}
