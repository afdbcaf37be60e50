using Microsoft.Extensions.Logging;

namespace Prescient.Storage.Files.Markets;

/// <summary>The log messages of the market data store and its writers.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed events run from {Source}: {Events} events, {Kept} kept, {Markets} market rows")]
    public static partial void EventsCommitted(ILogger logger, int events, int kept, int markets, string source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed quotes run from {Source}: {Quotes} quotes")]
    public static partial void QuotesCommitted(ILogger logger, int quotes, string source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Daily prices already recorded in {Path}; kept as they are")]
    public static partial void DailyPricesKept(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Quotes} daily prices from the stored quotes to {Path}")]
    public static partial void DailyPricesWritten(ILogger logger, int quotes, string path);
}
