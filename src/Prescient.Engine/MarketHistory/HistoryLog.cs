using Microsoft.Extensions.Logging;

namespace Prescient.Engine.MarketHistory;

internal static partial class HistoryLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Price history of token {Token} skipped: {Reason}")]
    public static partial void TokenSkipped(ILogger logger, string token, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Price history file of token {Token} for {Month} is damaged ({Problem}); fetching it again")]
    public static partial void DamagedMonth(ILogger logger, string token, string month, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} temporary files an interrupted price history fetch left in {Location}")]
    public static partial void LeftoversRemoved(ILogger logger, int count, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Price history {First} to {Last} at {Fidelity} min: {Tokens} tokens, {Fetched} months fetched, {Reused} reused, {Repaired} repaired, {Failed} tokens skipped, {Requests} requests")]
    public static partial void Fetched(ILogger logger, string first, string last, int fidelity, int tokens, int fetched, int reused, int repaired, int failed, int requests);
}
