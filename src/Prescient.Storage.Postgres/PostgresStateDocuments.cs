using Npgsql;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Postgres;

/// <summary>The state documents as the rows of <c>documents</c>, byte for byte what the file store would hold.</summary>
internal sealed class PostgresStateDocuments(NpgsqlDataSource database) : IStateDocuments
{
    private readonly PostgresDocuments _documents = new(database);

    public string NameOf(StateDocument document) => Path.GetFileName(NameInStore(document));

    public async Task<Stream?> OpenAsync(StateDocument document, CancellationToken cancellationToken) =>
        await _documents.ReadAsync(NameInStore(document), cancellationToken).ConfigureAwait(false) is { } body ? new MemoryStream(body, writable: false) : null;

    private static string NameInStore(StateDocument document) => document switch
    {
        StateDocument.FilteredEvents => StateDocuments.FilteredEvents,
        StateDocument.FilteredMarkets => StateDocuments.Markets,
        StateDocument.MarketCache => StateDocuments.Quotes,
        StateDocument.CurrentSignals => StateDocuments.Signals,
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, "not a state document"),
    };
}
