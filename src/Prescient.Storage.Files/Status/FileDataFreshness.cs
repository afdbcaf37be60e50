using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Status;

/// <summary>
/// The <c>generated_at</c> (and source) of the state files a status shows, read from each file's
/// header only. A missing file has none; an unreadable one is reported with its reason, never thrown,
/// so one bad file does not hide the others.
/// </summary>
public sealed class FileDataFreshness(DataFolder folder) : IDataFreshness
{
    public async Task<IReadOnlyList<FileFreshness>> ReadAsync(CancellationToken cancellationToken)
    {
        string[] paths = [folder.FilteredMarkets, folder.MarketCache, folder.CurrentSignals, folder.Portfolio];
        var files = new List<FileFreshness>(paths.Length);
        foreach (var path in paths)
        {
            files.Add(await ReadOneAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return files;
    }

    private async Task<FileFreshness> ReadOneAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetRelativePath(folder.Root, path).Replace('\\', '/');
        try
        {
            var (generatedAt, source) = await EnvelopeHeader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            return generatedAt is null
                ? new FileFreshness(name, null, source, "the file has no generated_at.")
                : new FileFreshness(name, generatedAt, source, null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FileFreshness(name, null, null, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new FileFreshness(name, null, null, e.Message);
        }
    }
}
