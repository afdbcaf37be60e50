using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Prescient.Sample.Tests;

/// <summary>A raw <see cref="ClientWebSocket"/> on a sample server's <c>/ws/market</c>; every wait bounded by 30 s.</summary>
internal sealed class MarketChannelClient : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public WebSocketState State => _socket.State;

    public static Task<MarketChannelClient> ConnectAsync(SampleHarness harness) => ConnectAsync(harness.Server.MarketChannelAddress);

    public static async Task<MarketChannelClient> ConnectAsync(Uri address)
    {
        var client = new MarketChannelClient();
        await client._socket.ConnectAsync(address, client._timeout.Token);
        return client;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _timeout.Token);

    public Task SubscribeAsync(IEnumerable<string> tokens, bool custom = true) =>
        SendAsync(new JsonObject { ["assets_ids"] = new JsonArray([.. tokens.Select(t => JsonValue.Create(t))]), ["type"] = "market", ["initial_dump"] = true, ["custom_feature_enabled"] = custom }.ToJsonString());

    public Task OperationAsync(string operation, IEnumerable<string> tokens) =>
        SendAsync(new JsonObject { ["assets_ids"] = new JsonArray([.. tokens.Select(t => JsonValue.Create(t))]), ["operation"] = operation, ["custom_feature_enabled"] = true }.ToJsonString());

    /// <summary>The next text frame; throws when the connection ends or 30 s pass.</summary>
    public async Task<string> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, cancellationToken);
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, linked.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "closed by the server");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>The next JSON frame (a PONG in between is an error).</summary>
    public async Task<JsonNode> ReceiveJsonAsync() => JsonNode.Parse(await ReceiveAsync())!;

    /// <summary>Sends PING and returns every frame before the PONG: everything the server had queued for the connection.</summary>
    public async Task<List<JsonNode>> DrainAsync()
    {
        await SendAsync("PING");
        var frames = new List<JsonNode>();
        for (var text = await ReceiveAsync(); text != "PONG"; text = await ReceiveAsync())
        {
            frames.Add(JsonNode.Parse(text)!);
        }

        return frames;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _timeout.Dispose();
    }
}
