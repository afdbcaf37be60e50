using System.Net;

namespace Prescient.Polymarket.Http;

/// <summary>Reads the wait a 429 or 503 response asks for in its <c>Retry-After</c> header (seconds or an HTTP date).</summary>
internal static class RetryAfterDelay
{
    /// <summary>
    /// The requested wait, capped at <paramref name="cap"/>; null when the response is not a 429/503
    /// or has no usable header, so the normal exponential backoff applies.
    /// </summary>
    public static TimeSpan? From(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        if (response is null
            || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : (TimeSpan?)null);
        if (wait is null)
        {
            return null;
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : (wait.Value > cap ? cap : wait.Value);
    }
}
