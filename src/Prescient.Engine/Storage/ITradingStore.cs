namespace Prescient.Engine.Storage;

/// <summary>
/// The trading state: current signals and the portfolio (each replaced atomically), and the
/// append-only ledger every other trading number derives from.
/// </summary>
public interface ITradingStore
{
    ITradeLedger Ledger { get; }

    /// <summary>The signals last written (<c>trades/current_signals.json</c>), or null when there are none yet.</summary>
    Task<SignalsSnapshot?> ReadSignalsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces <c>trades/current_signals.json</c>; returns the path written.</summary>
    Task<string> WriteSignalsAsync(SignalsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The portfolio last written (<c>trades/portfolio.json</c>), or null when there is none yet.</summary>
    Task<PortfolioSnapshot?> ReadPortfolioAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when the stored portfolio is, unchanged, the one last written over the ledger exactly as
    /// it stands (a replay would find it neither behind nor different); false whenever the store
    /// cannot tell, and the caller replays the ledger.
    /// </summary>
    Task<bool> IsPortfolioCurrentAsync(CancellationToken cancellationToken);

    /// <summary>Replaces <c>trades/portfolio.json</c>; returns the path written.</summary>
    Task<string> WritePortfolioAsync(PortfolioSnapshot snapshot, CancellationToken cancellationToken);
}
