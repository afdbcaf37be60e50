using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Tests.Dashboard;

/// <summary>A real SignalR client on the dashboard hub that queues every message it receives, in order.</summary>
internal sealed class HubListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<(string Method, JsonElement Payload)> _messages = Channel.CreateUnbounded<(string, JsonElement)>();

    private HubListener(HubConnection connection) => _connection = connection;

    public static async Task<HubListener> ConnectAsync(Uri baseAddress)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, DashboardHub.Path)).Build();
        var listener = new HubListener(connection);
        foreach (var method in new[] { DashboardMessages.Changed, DashboardMessages.RunStarted, DashboardMessages.RunFinished })
        {
            connection.On<JsonElement>(method, payload => listener._messages.Writer.TryWrite((method, payload)));
        }

        await connection.StartAsync();
        return listener;
    }

    /// <summary>The next message, waiting at most 30 s for it (a bound, not a timing assertion).</summary>
    public async Task<(string Method, JsonElement Payload)> NextAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _messages.Reader.ReadAsync(bound.Token);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
