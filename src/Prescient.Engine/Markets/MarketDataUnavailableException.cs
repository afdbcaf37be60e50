namespace Prescient.Engine.Markets;

/// <summary>
/// Market data could not be had after retries (network down, server errors, malformed bodies,
/// circuit open). The message is one line a user can act on; nothing has been written.
/// </summary>
public sealed class MarketDataUnavailableException : Exception
{
    /// <summary>
    /// True when the server answered but the reply was unusable (an error status, a malformed or
    /// unexpected body); false when it could not be reached at all (connection refused, timeout,
    /// open circuit). A lookup of one item that fails with a reached source is that item's failure;
    /// an unreachable source fails the run.
    /// </summary>
    public bool SourceReached { get; init; }

    public MarketDataUnavailableException()
    {
    }

    public MarketDataUnavailableException(string message)
        : base(message)
    {
    }

    public MarketDataUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
