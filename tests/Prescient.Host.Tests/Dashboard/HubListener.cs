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

    /// <summary>
    /// Reads messages until a "changed" of <paramref name="cause"/>, for at most 60 s in all (a bound, not a
    /// timing assertion); on failure shows the last feed, settlement and intraday lines of the logs in <paramref name="dataDirectory"/>.
    /// </summary>
    public async Task WaitForChangeAsync(string cause, string dataDirectory)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var (method, payload) = await NextAsync();
            if (method == DashboardMessages.Changed && payload.GetProperty("cause").GetString() == cause)
            {
                return;
            }
        }

        var log = Directory.GetFiles(Path.Combine(dataDirectory, "logs")).SelectMany(File.ReadAllLines)
            .Where(l => l.Contains("feed", StringComparison.OrdinalIgnoreCase) || l.Contains("Settle", StringComparison.Ordinal) || l.Contains("Intraday", StringComparison.Ordinal))
            .TakeLast(15);
        Assert.Fail($"No change '{cause}' within 60 s:\n" + string.Join('\n', log));
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
