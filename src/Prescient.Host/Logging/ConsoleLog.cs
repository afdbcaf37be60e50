using Microsoft.Extensions.Logging;

namespace Prescient.Host.Logging;

/// <summary>
/// Where a run's log lines go besides the daily file: <paramref name="Writer"/> (stderr for commands,
/// stdout for <c>serve</c>) from <paramref name="MinimumLevel"/> up; stack traces only when
/// <paramref name="WithExceptionDetails"/> (the file always has them).
/// </summary>
public sealed record ConsoleLog(TextWriter Writer, LogLevel MinimumLevel, bool WithExceptionDetails = false);
