using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Prescient.Polymarket.Http;

/// <summary>One-line descriptions of failed attempts, for logs and for the messages users see.</summary>
internal static class FailureText
{
    private const int MaxDetail = 200;

    public static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException timeout => string.Create(
            CultureInfo.InvariantCulture, $"no complete response within {timeout.Timeout.TotalSeconds:0.###} s"),
        BrokenCircuitException => "circuit breaker open after repeated failures",
        RateLimiterRejectedException => "client-side rate limit rejected the request",
        HttpRequestException { InnerException: { } inner } http when http is not MalformedResponseException =>
            OneLine($"{http.Message} ({inner.Message})"),
        _ => OneLine(exception.Message),
    };

    public static string Describe(HttpResponseMessage response) =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}");

    /// <summary>
    /// A failed response with what its body says: the <c>error</c> field of a CLOB or Gamma JSON
    /// error, or a note that the body was an HTML page (Cloudflare blocks answer 403 with one).
    /// </summary>
    public static string Describe(HttpResponseMessage response, byte[] body)
    {
        var status = Describe(response);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) || LooksLikeHtml(body))
        {
            return response.StatusCode == HttpStatusCode.Forbidden
                ? $"{status} with an HTML page (blocked by Cloudflare or a geo-restriction)"
                : $"{status} with an HTML page";
        }

        var detail = ErrorField(body) ?? System.Text.Encoding.UTF8.GetString(body);
        detail = OneLine(detail);
        return detail.Length == 0 ? status : $"{status}: {Truncate(detail)}";
    }

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Truncate(string text) => text.Length <= MaxDetail ? text : string.Concat(text.AsSpan(0, MaxDetail), "…");

    private static bool LooksLikeHtml(byte[] body)
    {
        var start = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64)).TrimStart();
        return start.StartsWith('<');
    }

    private static string? ErrorField(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject obj && obj["error"] is JsonValue error ? error.ToString() : null;
        }
        catch (JsonException)
        {
            // Not JSON: the raw text is the description.
            return null;
        }
    }
}
