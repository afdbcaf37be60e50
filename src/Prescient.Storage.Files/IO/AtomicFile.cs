using System.Text.RegularExpressions;

namespace Prescient.Storage.Files.IO;

/// <summary>
/// Whole-file writes that never leave a half-written file behind. The content goes to a temporary
/// file in the target's folder (so the final rename stays on one file system), is flushed to disk,
/// and then replaces the target in one rename. Readers see the old file or the new one, never a mix;
/// a crash leaves at most a stale <c>.name.tmp-&lt;guid&gt;</c> beside the intact old file.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> produces. The stream
    /// given to <paramref name="write"/> must be left open (wrap it with <c>leaveOpen: true</c>).
    /// When <paramref name="write"/> or the flush fails, the temporary file is deleted, the old
    /// file is untouched and the exception propagates.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var file = PendingFile.Create(path);
        await using (file.ConfigureAwait(false))
        {
            await write(file.Stream, cancellationToken).ConfigureAwait(false);
            await file.CloseAsync(cancellationToken).ConfigureAwait(false);
            file.Replace();
        }
    }

    /// <summary>
    /// Writes <paramref name="path"/> only if it does not exist yet: true when this call created it,
    /// false when the file was already there (also when another writer won a race for it). The new
    /// file appears whole or not at all, as with <see cref="WriteAsync"/>.
    /// </summary>
    public static async Task<bool> TryCreateAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (File.Exists(Path.GetFullPath(path)))
        {
            return false;
        }

        var file = PendingFile.Create(path);
        await using (file.ConfigureAwait(false))
        {
            await write(file.Stream, cancellationToken).ConfigureAwait(false);
            await file.CloseAsync(cancellationToken).ConfigureAwait(false);
            return file.TryCreate();
        }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/>, synchronously: for small
    /// files written where no async context exists (the lock owner record at start-up). Without
    /// <paramref name="durable"/> the content is not flushed to disk before the rename: still whole
    /// for every reader while the machine runs, for a file nothing needs after a power cut.
    /// </summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, bool durable = true)
    {
        var target = Path.GetFullPath(path);
        var temp = NewTempPath(target);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>True when <paramref name="path"/> names a temporary file of this class.</summary>
    public static bool IsTempFile(string path) => TempName().IsMatch(Path.GetFileName(path));

    /// <summary>
    /// Deletes the temporary files left in <paramref name="directory"/> (not its subfolders) by
    /// writes that never finished, and returns their paths. Call it only when no write can be in
    /// flight: at start-up, holding the data folder lock.
    /// </summary>
    public static IReadOnlyList<string> DeleteStaleTempFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var deleted = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp-*"))
        {
            if (IsTempFile(file))
            {
                File.Delete(file);
                deleted.Add(file);
            }
        }

        return deleted;
    }

    /// <summary>A unique temporary name beside <paramref name="target"/>, its folder created if needed.</summary>
    internal static string NewTempPath(string target)
    {
        var directory = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"'{target}' has no parent folder.", nameof(target));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
    }

    /// <summary>Deletes a temporary file on a path that is already failing or being abandoned.</summary>
    internal static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original failure matters more; a leftover temp file is removed at the next start.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: never mask the original failure.
        }
    }

    [GeneratedRegex(@"^\..+\.tmp-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
