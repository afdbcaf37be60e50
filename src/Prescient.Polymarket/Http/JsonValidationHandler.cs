using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Http;

/// <summary>
/// Sits inside the resilience handler, so its failures are retried. It reads every body whole
/// within the attempt timeout (a stalled body times the attempt out), and checks that a successful
/// response is valid JSON: a truncated or non-JSON 200 becomes a logged
/// <see cref="MalformedResponseException"/>. Error bodies (HTML from Cloudflare, plain text) are
/// buffered but not checked; the caller reports them.
/// </summary>
internal sealed class JsonValidationHandler(ILogger<JsonValidationHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var where = Describe(request);
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            response.Dispose();
            HttpLog.BodyUnreadable(logger, where, (int)response.StatusCode, ex.Message);
            throw new MalformedResponseException($"the body of {where} was cut off ({ex.Message})", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        try
        {
            Validate(body);
        }
        catch (JsonException ex)
        {
            response.Dispose();
            HttpLog.MalformedBody(logger, where, body.Length, ex.Message);
            throw new MalformedResponseException($"{where} returned a malformed JSON body of {body.Length} bytes ({ex.Message})", ex);
        }

        return response;
    }

    /// <summary>Reads every token without building a document: throws <see cref="JsonException"/> unless the body is one complete JSON value.</summary>
    private static void Validate(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
        }

        if (reader.TokenType == JsonTokenType.None)
        {
            throw new JsonException("The body is empty.");
        }
    }

    private static string Describe(HttpRequestMessage request) =>
        request.RequestUri is { } uri ? $"{request.Method} {uri.Host}{uri.AbsolutePath}" : request.Method.ToString();
}
