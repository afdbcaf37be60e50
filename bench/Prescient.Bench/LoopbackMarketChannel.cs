using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prescient.Bench;

/// <summary>
/// A market channel on Kestrel at 127.0.0.1 (port 0), <c>/ws/market</c>, for the feed benches: each
/// connection reads the client's subscription, answers <c>PING</c> with <c>PONG</c>, and hands the
/// subscribed token ids to <see cref="Session"/>, which sends what the bench wants through the given send function.
/// </summary>
internal sealed class LoopbackMarketChannel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackMarketChannel(WebApplication app, Func<Func<byte[], Task>, IReadOnlyList<string>, CancellationToken, Task> session)
    {
        _app = app;
        Session = session;
    }

    public Uri Url { get; private set; } = null!;

    private Func<Func<byte[], Task>, IReadOnlyList<string>, CancellationToken, Task> Session { get; }

    public static async Task<LoopbackMarketChannel> StartAsync(Func<Func<byte[], Task>, IReadOnlyList<string>, CancellationToken, Task> session)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new LoopbackMarketChannel(app, session);
        app.UseWebSockets();
        app.Map("/ws/market", channel.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        channel.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/ws/market");
        return channel;
    }

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
        var ct = context.RequestAborted;
        var buffer = new byte[64 * 1024];
        var subscription = await ReceiveTextAsync(socket, buffer, ct);
        if (subscription is null)
        {
            return;
        }

        using var gate = new SemaphoreSlim(1, 1);
        async Task SendAsync(byte[] frame)
        {
            await gate.WaitAsync(ct);
            try
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                gate.Release();
            }
        }

        var pong = "PONG"u8.ToArray();
        var session = Session(SendAsync, TokensOf(subscription), ct);
        try
        {
            while (await ReceiveTextAsync(socket, buffer, ct) is { } message)
            {
                if (message == "PING")
                {
                    await SendAsync(pong);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away (the bench disposed it).
        }

        try
        {
            await session;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Sending stopped with the connection.
        }
    }

    private static List<string> TokensOf(string subscription)
    {
        using var json = JsonDocument.Parse(subscription);
        return json.RootElement.TryGetProperty("assets_ids", out var ids) ? [.. ids.EnumerateArray().Select(e => e.GetString()!)] : [];
    }

    private static async Task<string?> ReceiveTextAsync(WebSocket socket, byte[] buffer, CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }
}
