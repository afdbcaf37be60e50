using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;
using Serilog.Parsing;

namespace Prescient.Host.Logging;

/// <summary>
/// One line per event for the daily file: the UTC timestamp (ISO-8601, milliseconds, <c>Z</c>), the
/// level, the category and the message rendered from its named fields; then, as a JSON object, the
/// fields the message does not show (scopes such as an HTTP request's path); then the exception with
/// its stack on the lines after.
/// </summary>
internal sealed class UtcLineFormatter : ITextFormatter
{
    /// <summary>Shown otherwise (the category) or meaningless to a reader (the source generator's hashed event ids).</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "SourceContext", "EventId" };

    private readonly MessageTemplateTextFormatter _head = new(" [{Level:u3}] {SourceContext}: {Message:lj}", CultureInfo.InvariantCulture);
    private readonly JsonValueFormatter _json = new(typeTagName: null);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        _head.Format(logEvent, output);

        var named = logEvent.MessageTemplate.Tokens.OfType<PropertyToken>().Select(t => t.PropertyName).ToHashSet(StringComparer.Ordinal);
        var extra = logEvent.Properties.Where(p => !Hidden.Contains(p.Key) && !named.Contains(p.Key)).ToArray();
        if (extra.Length > 0)
        {
            output.Write(' ');
            _json.Format(new StructureValue(extra.Select(p => new LogEventProperty(p.Key, p.Value))), output);
        }

        output.WriteLine();
        if (logEvent.Exception is { } exception)
        {
            output.WriteLine(exception.ToString());
        }
    }
}
