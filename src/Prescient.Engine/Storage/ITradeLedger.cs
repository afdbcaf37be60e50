using Prescient.Domain.Trading;

namespace Prescient.Engine.Storage;

/// <summary>
/// <c>trades/paper_trades.json</c>: records in ledger order, never rewritten. The first access in a
/// process detects a torn tail left by a crash, repairs it (dropping the partial record) and logs it.
/// </summary>
public interface ITradeLedger
{
    /// <summary>Every record, oldest first.</summary>
    Task<IReadOnlyList<Trade>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The last <paramref name="count"/> records (at least 1), oldest first, and how many the ledger
    /// holds: from its tail alone when the store can vouch for the count, else from a whole read.
    /// </summary>
    Task<LedgerTail> ReadLastAsync(int count, CancellationToken cancellationToken);

    /// <summary>Appends one record in O(1) (never a rewrite); on return it is durable and the file is valid JSON.</summary>
    Task AppendAsync(Trade trade, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the ledger as a JSON array of its records (the file contract's layout) to
    /// <paramref name="destination"/>: every record present when the call starts, whatever is appended
    /// meanwhile. False, and nothing written, when no ledger exists yet; reading creates nothing.
    /// </summary>
    Task<bool> TryCopyToAsync(Stream destination, CancellationToken cancellationToken);
}

/// <summary>The newest records of the ledger, oldest first, and the number of records it holds.</summary>
public sealed record LedgerTail(IReadOnlyList<Trade> Records, int Total);
