using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>
/// A real Kestrel WebSocket endpoint on 127.0.0.1 (port 0) at <c>/ws/market</c>. Each accepted
/// connection is handed to the test as a <see cref="Connection"/>, which scripts it: read what the
/// client sent, send recorded frames, drop it, or go silent.
/// </summary>
internal sealed class FakeMarketChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Connection> _connections = Channel.CreateUnbounded<Connection>();

    private FakeMarketChannel(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>When true (the default), a connection answers each <c>PING</c> with <c>PONG</c> by itself.</summary>
    public bool AutoPong { get; set; } = true;

    public static async Task<FakeMarketChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new FakeMarketChannel(app);
        app.UseWebSockets();
        app.Map("/ws/market", channel.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        channel.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/ws/market");
        return channel;
    }

    /// <summary>The next connection the client opens.</summary>
    public async Task<Connection> NextConnectionAsync(CancellationToken ct) => await _connections.Reader.ReadAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(socket, AutoPong);
        _connections.Writer.TryWrite(connection);
        await connection.ReadUntilClosedAsync(context.RequestAborted);
    }

    internal sealed class Connection(WebSocket socket, bool autoPong)
    {
        private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
        private readonly SemaphoreSlim _send = new(1, 1);

        /// <summary>Every text message the client sent, PINGs included, in order.</summary>
        public List<string> Received { get; } = [];

        /// <summary>The next message from the client that is not a PING.</summary>
        public async Task<string> ReceiveAsync(CancellationToken ct)
        {
            while (true)
            {
                var message = await _received.Reader.ReadAsync(ct);
                if (message != "PING")
                {
                    return message;
                }
            }
        }

        /// <summary>Waits for the client's next PING.</summary>
        public async Task WaitForPingAsync(CancellationToken ct)
        {
            while (await _received.Reader.ReadAsync(ct) != "PING")
            {
            }
        }

        public async Task SendAsync(string text, CancellationToken ct)
        {
            await _send.WaitAsync(ct);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                _send.Release();
            }
        }

        /// <summary>Breaks the connection without a close handshake, as a network loss does.</summary>
        public void Drop() => socket.Abort();

        internal async Task ReadUntilClosedAsync(CancellationToken ct)
        {
            var buffer = new byte[1 << 20];
            try
            {
                while (true)
                {
                    var count = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(count), ct);
                        count += result.Count;
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    var text = Encoding.UTF8.GetString(buffer, 0, count);
                    lock (Received)
                    {
                        Received.Add(text);
                    }

                    _received.Writer.TryWrite(text);
                    if (autoPong && text == "PING")
                    {
                        await SendAsync("PONG", ct);
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // The client went away or the test dropped the connection.
            }
            finally
            {
                _received.Writer.TryComplete();
            }
        }
    }
}
