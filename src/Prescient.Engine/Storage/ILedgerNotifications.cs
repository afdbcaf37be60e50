namespace Prescient.Engine.Storage;

/// <summary>
/// Announcements of the records appended to the ledger by any process sharing the store (with
/// PostgreSQL, its <c>LISTEN prescient_trades</c>), so a dashboard follows the trades of workers on other
/// machines. The file store has none: one process at a time holds its folder, and says itself what it changed.
/// </summary>
public interface ILedgerNotifications
{
    /// <summary>The sequence number of each record appended from now on, as announced, until cancelled; reconnects by itself when the store's connection drops.</summary>
    IAsyncEnumerable<long> ListenAsync(CancellationToken cancellationToken);
}
