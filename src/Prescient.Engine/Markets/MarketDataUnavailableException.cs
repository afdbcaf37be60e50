namespace Prescient.Engine.Markets;

/// <summary>
/// Market data could not be had after retries (network down, server errors, malformed bodies,
/// circuit open). The message is one line a user can act on; nothing has been written.
/// </summary>
public sealed class MarketDataUnavailableException : Exception
{
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
