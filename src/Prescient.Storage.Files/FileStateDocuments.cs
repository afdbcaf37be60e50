using Prescient.Engine.Storage;

namespace Prescient.Storage.Files;

/// <summary>The state documents as the data folder's files; each is replaced only by an atomic rename, so an open file is always whole.</summary>
internal sealed class FileStateDocuments(DataFolder folder) : IStateDocuments
{
    public string NameOf(StateDocument document) => Path.GetFileName(PathOf(document));

    public Task<Stream?> OpenAsync(StateDocument document, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(document), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    private string PathOf(StateDocument document) => document switch
    {
        StateDocument.FilteredEvents => folder.FilteredEvents,
        StateDocument.FilteredMarkets => folder.FilteredMarkets,
        StateDocument.MarketCache => folder.MarketCache,
        StateDocument.CurrentSignals => folder.CurrentSignals,
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, "not a state document"),
    };
}
