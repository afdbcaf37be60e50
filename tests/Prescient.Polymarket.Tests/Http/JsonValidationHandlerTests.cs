using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Polymarket.Http;

namespace Prescient.Polymarket.Tests.Http;

/// <summary>
/// The body checks on responses whose failure cannot be produced reliably over a socket (a read
/// error after the headers arrived); everything else is covered through Kestrel in <see cref="ResilienceTests"/>.
/// </summary>
public sealed class JsonValidationHandlerTests
{
    [Fact]
    public async Task SendAsync_BodyReadFailsWithIOException_ThrowsRetryableMalformedResponse()
    {
        using var invoker = Invoker(new StreamContent(new FailingStream("""{"events":[{"id":""")));

        var error = await Assert.ThrowsAsync<MalformedResponseException>(
            () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/events/keyset"), CancellationToken.None));

        Assert.IsAssignableFrom<HttpRequestException>(error);
        Assert.Contains("GET 127.0.0.1/events/keyset was cut off", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.GetBaseException());
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"events":[]}""", false)]
    [InlineData(HttpStatusCode.OK, "<html>challenge</html>", true)]
    [InlineData(HttpStatusCode.OK, "", true)]
    [InlineData(HttpStatusCode.Forbidden, "<html>Attention Required! | Cloudflare</html>", false)]
    [InlineData(HttpStatusCode.NotFound, "404 page not found", false)]
    public async Task SendAsync_ChecksJsonOnlyOnSuccess(HttpStatusCode status, string body, bool malformed)
    {
        using var invoker = Invoker(new StringContent(body), status);
        var send = () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None);

        if (malformed)
        {
            await Assert.ThrowsAsync<MalformedResponseException>(send);
        }
        else
        {
            using var response = await send();
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
        }
    }

    private static HttpMessageInvoker Invoker(HttpContent content, HttpStatusCode status = HttpStatusCode.OK) =>
        new(new JsonValidationHandler(NullLogger<JsonValidationHandler>.Instance) { InnerHandler = new FixedResponse(status, content) });

    private sealed class FixedResponse(HttpStatusCode status, HttpContent content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }

    /// <summary>Returns the given prefix, then fails the way a reset connection does.</summary>
    private sealed class FailingStream(string prefix) : MemoryStream(System.Text.Encoding.UTF8.GetBytes(prefix))
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("Connection reset by peer.");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("Connection reset by peer.");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
