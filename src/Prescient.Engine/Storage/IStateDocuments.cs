namespace Prescient.Engine.Storage;

/// <summary>The state documents of the file contract that the API serves as they are stored, byte for byte.</summary>
public enum StateDocument
{
    /// <summary><c>events/filtered_events.json</c>.</summary>
    FilteredEvents,

    /// <summary><c>events/filtered_markets.json</c>.</summary>
    FilteredMarkets,

    /// <summary><c>markets/market_cache.json</c>.</summary>
    MarketCache,

    /// <summary><c>trades/current_signals.json</c>.</summary>
    CurrentSignals,
}

/// <summary>Reads a stored state document whole, as the store holds it (the data folder's file, or the database's row).</summary>
public interface IStateDocuments
{
    /// <summary>The document's file name in the contract (for messages: "filtered_events.json").</summary>
    string NameOf(StateDocument document);

    /// <summary>The document as stored, or null when it was never written. The stream is the caller's to dispose.</summary>
    Task<Stream?> OpenAsync(StateDocument document, CancellationToken cancellationToken);
}
