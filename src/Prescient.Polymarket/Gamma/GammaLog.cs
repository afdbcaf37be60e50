using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Gamma;

/// <summary>Source-generated log messages of the Gamma client and parsers.</summary>
internal static partial class GammaLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Skipped a market of Gamma event {EventId}: {Reason}")]
    public static partial void MarketSkipped(ILogger logger, string eventId, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Skipped a Gamma event on discovery page {Page}: {Reason}")]
    public static partial void EventSkipped(ILogger logger, int page, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Gamma event {EventId} appeared again on discovery page {Page}; the first copy is kept")]
    public static partial void DuplicateEvent(ILogger logger, string eventId, int page);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Discovered {Events} Gamma events in {Pages} pages ({Skipped} skipped)")]
    public static partial void DiscoveryCompleted(ILogger logger, int events, int pages, int skipped);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Skipped a stored Gamma event: {Reason}")]
    public static partial void StoredEventSkipped(ILogger logger, string reason);
}
