using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Prescient.Host.Logging;

/// <summary>
/// Keeps secrets out of every log line: in a text or URI property, the user info of a URL
/// (<c>https://user:pass@host</c>) and the value of query parameters named like a key, token, secret,
/// password, signature or auth become <c>***</c>. Messages render from the properties, so they are clean too.
/// </summary>
internal sealed partial class CredentialRedaction : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            if (value is ScalarValue { Value: string or Uri } scalar && Redact(scalar.Value.ToString()!) is { } redacted)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }

    /// <summary>The text with its credentials masked, or null when it has none.</summary>
    public static string? Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("://", StringComparison.Ordinal) && !text.Contains('='))
        {
            return null;
        }

        var redacted = SecretQueryValue().Replace(UserInfo().Replace(text, "***@"), "$1***");
        return redacted == text ? null : redacted;
    }

    [GeneratedRegex(@"(?<=://)[^/\s@?#]+@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"([?&][A-Za-z0-9_.-]*(?:key|token|secret|password|passwd|signature|auth)[A-Za-z0-9_.-]*=)[^&\s#]+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryValue();
}
