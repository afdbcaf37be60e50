using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Http;

/// <summary>
/// Sits inside the resilience handler, so its failures are retried. It reads every body whole
/// within the attempt timeout (a stalled body times the attempt out), and checks that a successful
/// response is valid JSON by parsing it: a truncated or non-JSON 200 becomes a logged
/// <see cref="MalformedResponseException"/>. The body and the parsed document replace the content
/// (<see cref="JsonBodyContent"/>), so the check is the only pass over the body. Error bodies (HTML
/// from Cloudflare, plain text) are kept but not checked; the caller reports them.
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
            body = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            response.Dispose();
            HttpLog.BodyUnreadable(logger, where, (int)response.StatusCode, ex.Message);
            throw new MalformedResponseException($"the body of {where} was cut off ({ex.Message})", ex);
        }

        JsonDocument? document = null;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                // Comments and trailing commas are refused, as in any JSON the APIs send.
                document = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                response.Dispose();
                HttpLog.MalformedBody(logger, where, body.Length, ex.Message);
                throw new MalformedResponseException($"{where} returned a malformed JSON body of {body.Length} bytes ({ex.Message})", ex);
            }
        }

        var original = response.Content;
        response.Content = new JsonBodyContent(body, document, original);
        original.Dispose();
        return response;
    }

    /// <summary>
    /// The whole body. With a Content-Length it is read straight into an array of that size (one
    /// copy of the bytes, where buffering the content and copying it out takes two); a body cut
    /// short, or failing at its end, ends in an <see cref="IOException"/>.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is not { } length || length > Array.MaxLength)
        {
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var body = new byte[length];
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);

            // Read to the end, as buffering would: a connection that fails there fails the body.
            if (await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
            {
                throw new IOException($"the body is longer than its Content-Length of {length} bytes");
            }
        }

        return body;
    }

    private static string Describe(HttpRequestMessage request) =>
        request.RequestUri is { } uri ? $"{request.Method} {uri.Host}{uri.AbsolutePath}" : request.Method.ToString();
}
