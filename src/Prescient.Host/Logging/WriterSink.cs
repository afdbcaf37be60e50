using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Prescient.Host.Logging;

/// <summary>Formats events onto a <see cref="TextWriter"/> (the command's stderr, serve's stdout), one at a time.</summary>
internal sealed class WriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
