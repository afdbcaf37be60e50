using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Prescient.Engine.Markets;

namespace Prescient.Polymarket.Http;

/// <summary>
/// Sends one request through a client's pipeline and returns its JSON body. Whatever is left after
/// retries (a final error status, a transport error, a timeout, an open circuit) becomes a
/// <see cref="MarketDataUnavailableException"/> with one line naming the API, the host and the last
/// status or cause. Cancellation by the caller stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal static class PolymarketTransport
{
    /// <summary>The JSON body, or null when <paramref name="notFoundIsNull"/> and the server answered 404.</summary>
    public static async Task<JsonNode?> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        string api,
        bool notFoundIsNull,
        CancellationToken cancellationToken)
    {
        var host = Host(client, request);
        var reply = await SendForBodyAsync(client, request, api, host, notFoundIsNull, cancellationToken).ConfigureAwait(false);
        if (reply is not { } received)
        {
            return null;
        }

        var (body, document) = received;
        // Replies read as nodes are small: the node tree is built from the bytes.
        document?.Dispose();
        return ParseJson(body, api, host, static bytes => JsonNode.Parse(bytes));
    }

    /// <summary>
    /// The JSON body as a document the caller disposes, or null when <paramref name="notFoundIsNull"/>
    /// and the server answered 404. Cheaper than <see cref="SendAsync"/> for large replies that are
    /// only read; the document <see cref="JsonValidationHandler"/> parsed is used as it is.
    /// </summary>
    public static async Task<JsonDocument?> SendDocumentAsync(
        HttpClient client,
        HttpRequestMessage request,
        string api,
        bool notFoundIsNull,
        CancellationToken cancellationToken)
    {
        var host = Host(client, request);
        var reply = await SendForBodyAsync(client, request, api, host, notFoundIsNull, cancellationToken).ConfigureAwait(false);
        if (reply is not { } received)
        {
            return null;
        }

        var (body, parsed) = received;
        var document = parsed ?? ParseJson(body, api, host, static bytes => JsonDocument.Parse(bytes));
        if (document.RootElement.ValueKind == JsonValueKind.Null)
        {
            document.Dispose();
            throw Unavailable(api, host, "the body was JSON null", null);
        }

        return document;
    }

    /// <summary>The body of a successful reply, with its parsed document when the pipeline parsed it already; null for a 404 taken as none.</summary>
    private static async Task<(byte[] Body, JsonDocument? Document)?> SendForBodyAsync(
        HttpClient client,
        HttpRequestMessage request,
        string api,
        string host,
        bool notFoundIsNull,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            // JsonValidationHandler has read the whole body inside the pipeline: buffering it again here would copy it.
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       or RateLimiterRejectedException or OperationCanceledException)
        {
            // A body cut short or malformed after retries came from a server that answered.
            throw Unavailable(api, host, FailureText.Describe(ex), ex, reached: ex is MalformedResponseException);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode && response.Content is JsonBodyContent validated)
            {
                return (validated.Body, validated.TakeDocument());
            }

            var body = response.Content is JsonBodyContent read
                ? read.Body
                : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Unavailable(api, host, FailureText.Describe(response, body), null);
            }

            return (body, null);
        }
    }

    private static T ParseJson<T>(byte[] body, string api, string host, Func<byte[], T?> parse)
        where T : class
    {
        T? parsed;
        try
        {
            parsed = parse(body);
        }
        catch (JsonException ex)
        {
            throw Unavailable(api, host, "malformed JSON body: " + FailureText.OneLine(ex.Message), ex);
        }

        return parsed ?? throw Unavailable(api, host, "the body was JSON null", null);
    }

    /// <summary>A well-formed reply that is not the shape the endpoint documents.</summary>
    public static MarketDataUnavailableException UnexpectedShape(HttpClient client, string api, string what) =>
        Unavailable(api, client.BaseAddress?.Authority ?? "unknown host", "unexpected response: " + what, null);

    /// <param name="reached">False only when the server could not be reached at all (see <see cref="MarketDataUnavailableException.SourceReached"/>).</param>
    public static MarketDataUnavailableException Unavailable(string api, string host, string cause, Exception? inner, bool reached = true)
    {
        var message = $"Polymarket {api} API ({host}) unavailable: {cause}";
        return inner is null
            ? new MarketDataUnavailableException(message) { SourceReached = reached }
            : new MarketDataUnavailableException(message, inner) { SourceReached = reached };
    }

    private static string Host(HttpClient client, HttpRequestMessage request)
    {
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : client.BaseAddress;
        return uri?.Authority ?? "unknown host";
    }
}
