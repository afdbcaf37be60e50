using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Feed;

/// <summary>Source-generated log messages of the market feed.</summary>
internal static partial class FeedLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Feed shard {Shard} connected to {Url} with {Tokens} tokens (reconnect {Reconnects})")]
    public static partial void Connected(ILogger logger, int shard, Uri url, int tokens, long reconnects);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Feed shard {Shard} lost its connection ({Cause}); reconnecting in {DelayMs} ms")]
    public static partial void Disconnected(ILogger logger, int shard, string cause, long delayMs);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Feed shard {Shard} heard nothing for {SilenceMs} ms; dropping the connection")]
    public static partial void Silent(ILogger logger, int shard, long silenceMs);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Feed shard {Shard} skipped a malformed frame of {Bytes} bytes: {Error}")]
    public static partial void Malformed(ILogger logger, int shard, int bytes, string error);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "The feed sink failed in {Callback}; the feed goes on")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string callback);
}
