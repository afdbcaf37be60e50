using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Clob;

/// <summary>Source-generated log messages of the CLOB client.</summary>
internal static partial class ClobLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Skipped a malformed CLOB book in a /books reply: {Reason}")]
    public static partial void BookSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Fetched {Books} CLOB books for {Tokens} tokens in {Batches} batches")]
    public static partial void BooksFetched(ILogger logger, int books, int tokens, int batches);
}
