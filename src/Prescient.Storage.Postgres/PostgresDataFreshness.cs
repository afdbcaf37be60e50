using Npgsql;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Postgres;

/// <summary>The <c>generated_at</c> and source of the state documents, from their rows' headers.</summary>
public sealed class PostgresDataFreshness(NpgsqlDataSource database) : IDataFreshness
{
    private readonly PostgresDocuments _documents = new(database);

    public async Task<IReadOnlyList<FileFreshness>> ReadAsync(CancellationToken cancellationToken)
    {
        var states = new List<FileFreshness>();
        foreach (var document in new[] { StateDocuments.Markets, StateDocuments.Quotes, StateDocuments.Signals, StateDocuments.Portfolio })
        {
            var row = await _documents.ReadHeaderAsync(document, cancellationToken).ConfigureAwait(false);
            states.Add(new FileFreshness(PostgresTradingStore.Name(document), row?.GeneratedAt, row?.Source, row is { GeneratedAt: null } ? "the document has no generated_at." : null));
        }

        return states;
    }
}
