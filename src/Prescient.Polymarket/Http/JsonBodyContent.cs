using System.Net;
using System.Text.Json;

namespace Prescient.Polymarket.Http;

/// <summary>
/// A response body <see cref="JsonValidationHandler"/> has read whole, with, for a successful
/// response, the JSON document its check parsed: the transport takes that document instead of
/// reading and parsing the body a second time. Reading the content gives the same bytes as before.
/// </summary>
internal sealed class JsonBodyContent : HttpContent
{
    private JsonDocument? _document;

    public JsonBodyContent(byte[] body, JsonDocument? document, HttpContent original)
    {
        ArgumentNullException.ThrowIfNull(original);
        Body = body ?? throw new ArgumentNullException(nameof(body));
        _document = document;
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>The body's bytes, as received.</summary>
    public byte[] Body { get; }

    /// <summary>The parsed body, handed over once (the caller disposes it); null for an error response or once taken.</summary>
    public JsonDocument? TakeDocument()
    {
        var document = _document;
        _document = null;
        return document;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Body, 0, Body.Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Body, cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(Body, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = Body.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            TakeDocument()?.Dispose();
        }

        base.Dispose(disposing);
    }
}
