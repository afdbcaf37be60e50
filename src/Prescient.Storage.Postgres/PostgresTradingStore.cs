using Npgsql;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The trading state in PostgreSQL: the ledger (<see cref="PostgresTradeLedger"/>) and the current
/// signals and portfolio as documents, each the file store's JSON. The portfolio's row records the
/// ledger record it was written over, so it is current exactly when no record came after.
/// </summary>
public sealed class PostgresTradingStore : ITradingStore
{
    private readonly NpgsqlDataSource _database;
    private readonly PostgresDocuments _documents;

    public PostgresTradingStore(NpgsqlDataSource database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _documents = new PostgresDocuments(database);
        Ledger = new PostgresTradeLedger(database);
    }

    public ITradeLedger Ledger { get; }

    public async Task<SignalsSnapshot?> ReadSignalsAsync(CancellationToken cancellationToken) =>
        await _documents.ReadAsync(StateDocuments.Signals, cancellationToken).ConfigureAwait(false) is { } body
            ? StateDocuments.DecodeSignals(body, Name(StateDocuments.Signals))
            : null;

    public async Task<string> WriteSignalsAsync(SignalsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _documents.WriteAsync(StateDocuments.Signals, StateDocuments.EncodeSignals(snapshot), snapshot.GeneratedAt, snapshot.Source.Name, null, cancellationToken).ConfigureAwait(false);
        return Name(StateDocuments.Signals);
    }

    public async Task<PortfolioSnapshot?> ReadPortfolioAsync(CancellationToken cancellationToken) =>
        await _documents.ReadAsync(StateDocuments.Portfolio, cancellationToken).ConfigureAwait(false) is { } body
            ? StateDocuments.DecodePortfolio(body, Name(StateDocuments.Portfolio))
            : null;

    public async Task<bool> IsPortfolioCurrentAsync(CancellationToken cancellationToken)
    {
        if (await _documents.ReadHeaderAsync(StateDocuments.Portfolio, cancellationToken).ConfigureAwait(false) is not { LedgerSeq: { } written })
        {
            return false;
        }

        await using var command = _database.CreateCommand("select coalesce(max(seq), 0) from trades");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == written;
    }

    public async Task<string> WritePortfolioAsync(PortfolioSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _documents.WriteAsync(StateDocuments.Portfolio, StateDocuments.EncodePortfolio(snapshot), snapshot.GeneratedAt, snapshot.Source.Name, snapshot.TradeCount, cancellationToken).ConfigureAwait(false);
        return Name(StateDocuments.Portfolio);
    }

    /// <summary>How a document is named in errors and in the files a run reports: <c>postgres:trades/portfolio.json</c>.</summary>
    internal static string Name(string document) => "postgres:" + document;
}
