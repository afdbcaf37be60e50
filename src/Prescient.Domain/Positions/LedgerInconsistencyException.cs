namespace Prescient.Domain.Positions;

/// <summary>
/// A ledger record that cannot follow the ones before it (wrong sequence, a sell of shares not held,
/// a cash_after that does not add up, a signal executed twice). The ledger has been corrupted or
/// edited by hand; the message names the record and the numbers.
/// </summary>
public sealed class LedgerInconsistencyException : InvalidOperationException
{
    public LedgerInconsistencyException()
    {
    }

    public LedgerInconsistencyException(string message)
        : base(message)
    {
    }

    public LedgerInconsistencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
