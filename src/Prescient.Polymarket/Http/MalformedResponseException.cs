namespace Prescient.Polymarket.Http;

/// <summary>
/// A response whose body could not be read whole or is not valid JSON (truncated, an HTML page on a
/// 200, …). It derives from <see cref="HttpRequestException"/> so the retry strategy treats it as the
/// transient failure it usually is.
/// </summary>
public sealed class MalformedResponseException : HttpRequestException
{
    public MalformedResponseException()
    {
    }

    public MalformedResponseException(string message)
        : base(message)
    {
    }

    public MalformedResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
