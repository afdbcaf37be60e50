using Microsoft.Extensions.Logging;

namespace Prescient.Storage.Files.IO;

/// <summary>The log messages of <see cref="AppendOnlyJsonArray{T}"/>.</summary>
internal static partial class AppendOnlyLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Created {Path} as an empty array")]
    public static partial void Created(ILogger logger, string path);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Repaired {Path} after an interrupted append: kept {Records} complete records, dropped {BytesDropped} bytes of torn tail ({Reason} at line {Line})")]
    public static partial void TornTailRepaired(ILogger logger, string path, int records, long bytesDropped, string reason, int line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rewrote {Path} into one record per line: {Records} records, content unchanged")]
    public static partial void Reformatted(ILogger logger, string path, int records);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Path} changed on disk outside this writer ({ActualBytes} bytes, {ExpectedBytes} expected); reading it again before going on")]
    public static partial void ChangedOnDisk(ILogger logger, string path, long actualBytes, long expectedBytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not undo a failed append to {Path}; its tail is repaired on the next access")]
    public static partial void RestoreFailed(ILogger logger, string path, Exception exception);
}
