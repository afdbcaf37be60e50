using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Http;

/// <summary>Source-generated log messages of the Polymarket HTTP pipeline.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "{Request} failed ({Cause}); retry {Retry} of {MaxRetries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string request, string cause, int retry, int maxRetries, double delayMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Request} returned a malformed JSON body of {Bytes} bytes: {Error}")]
    public static partial void MalformedBody(ILogger logger, string request, int bytes, string error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Request} (HTTP {Status}) sent a body that could not be read whole: {Error}")]
    public static partial void BodyUnreadable(ILogger logger, string request, int status, string error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Circuit to {Host} opened for {BreakSeconds} s after repeated failures ({Cause})")]
    public static partial void CircuitOpened(ILogger logger, string host, double breakSeconds, string cause);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Circuit to {Host} closed again")]
    public static partial void CircuitClosed(ILogger logger, string host);
}
