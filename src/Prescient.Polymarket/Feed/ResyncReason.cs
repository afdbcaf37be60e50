namespace Prescient.Polymarket.Feed;

/// <summary>Why a token's local book can no longer be trusted and should be rebuilt from REST (<c>/book</c>).</summary>
public enum ResyncReason
{
    /// <summary>After a price change, the book's top differed from the <c>best_bid</c>/<c>best_ask</c> the server sent with it.</summary>
    TopMismatch,

    /// <summary>A level update arrived for a token with no snapshot yet.</summary>
    NoSnapshot,

    /// <summary>The connection was lost and re-established: updates may have been missed; the book waits for a new snapshot.</summary>
    Reconnected,
}
