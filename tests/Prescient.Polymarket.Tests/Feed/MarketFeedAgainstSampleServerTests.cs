using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;
using Prescient.Sample.Server;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>
/// The client against the sample server's own market channel on loopback, with its faults. Two fake
/// clocks: the server's drives the channel's loop (each tick also moves the simulated market ten
/// minutes on, so that some of its books always change), the client's its ping and silence timers,
/// which move only when a test says so.
/// </summary>
public sealed class MarketFeedAgainstSampleServerTests : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly FakeTimeProvider _serverTime = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeTimeProvider _clientTime = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingSink _sink = new();
    private SampleServer? _server;
    private MarketFeedClient? _client;

    private CancellationToken Ct => _timeout.Token;

    private MarketFeedClient Client => _client!;

    [Fact]
    public async Task Subscribe_ShardedAcrossConnections_EveryBookArrivesAndItsChangesKeepTheTopsTheServerSends()
    {
        var tokens = await StartAsync(new FaultOptions(), maxPerConnection: 150);
        await WaitForSnapshotsAsync(tokens.Length);

        while (Volatile.Read(ref _sink.LevelUpdates) < 200)
        {
            await TickAsync();
        }

        var status = Client.Status();
        Assert.Equal((tokens.Length + 149) / 150, status.Shards.Count);
        Assert.All(status.Shards, s => Assert.Equal((ShardState.Connected, 0L, 0L), (s.State, s.Malformed, s.Reconnects)));
        Assert.Equal(tokens.Length, status.Shards.Sum(s => s.Tokens));
        Assert.Equal(tokens.Order(), _sink.LastTop.Keys.Order());

        // Every level update was checked against the best_bid/best_ask its message carried: none disagreed.
        Assert.Empty(_sink.Resyncs);
    }

    [Fact]
    public async Task DroppedConnections_ReconnectResubscribeAndAskForEveryBookAgain()
    {
        var tokens = await StartAsync(new FaultOptions { WsDropAfter = 4 });
        await WaitForSnapshotsAsync(tokens.Length);

        // Each connection is dropped after its 4th frame: the dump and three ticks' changes.
        while (!AllResynced(tokens, ResyncReason.Reconnected) || Volatile.Read(ref _sink.Snapshots) < 2 * tokens.Length)
        {
            await TickAsync();
        }

        var shard = Assert.Single(Client.Status().Shards);
        Assert.True(shard.Reconnects >= 1);
        Assert.Equal(tokens.Length, shard.Tokens);
        Assert.True(_server!.Stats.Requests(SampleRoutes.MarketChannel) >= 2);
        Assert.DoesNotContain(_sink.Resyncs, r => r.Reason == ResyncReason.TopMismatch);
    }

    [Fact]
    public async Task MalformedFrames_AreCountedAndSkipped_AndTheFeedGoesOnOnTheSameConnection()
    {
        var tokens = await StartAsync(new FaultOptions { WsMalformedRate = 0.25 });
        while (Client.Status().Shards[0].Malformed < 3)
        {
            await TickAsync();
        }

        var updates = Volatile.Read(ref _sink.LevelUpdates);
        while (Volatile.Read(ref _sink.LevelUpdates) == updates)
        {
            await TickAsync();
        }

        var shard = Assert.Single(Client.Status().Shards);
        Assert.Equal((ShardState.Connected, 0L), (shard.State, shard.Reconnects));
        Assert.Equal(1, _server!.Stats.Requests(SampleRoutes.MarketChannel));
        Assert.DoesNotContain(_sink.Resyncs, r => r.Reason == ResyncReason.Reconnected);
        Assert.All(_sink.Resyncs, r => Assert.Contains(r.Token, tokens));
    }

    [Fact]
    public async Task SilentConnection_IsDetectedAfterTheSilenceTimeout_AndReplacedByANewOne()
    {
        var tokens = await StartAsync(new FaultOptions { WsSilentAfter = 3 });
        await WaitForSnapshotsAsync(tokens.Length);
        while (Client.Status().Shards[0].Frames < 3)
        {
            await TickAsync();
        }

        // From here the server sends nothing, not even PONG, and keeps the connection open.
        var silent = Client.Status().Shards[0];
        _clientTime.Advance(new MarketFeedOptions().SilenceTimeout + TimeSpan.FromSeconds(1));
        await _sink.WaitForAsync(e => e.EndsWith(" Reconnected", StringComparison.Ordinal), Ct);

        await WaitForSnapshotsAsync(2 * tokens.Length);

        var shard = Assert.Single(Client.Status().Shards);
        Assert.Equal((0L, 0L), (silent.SilenceDrops, silent.Reconnects));
        Assert.Equal((1L, 1L), (shard.SilenceDrops, shard.Reconnects));
        Assert.Equal(2, _server!.Stats.Requests(SampleRoutes.MarketChannel));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _timeout.Dispose();
    }

    /// <summary>Starts the server with <paramref name="faults"/> and a client subscribed to both tokens of every market with a book that stays open for days; returns the tokens.</summary>
    private async Task<TokenId[]> StartAsync(FaultOptions faults, int maxPerConnection = 5000)
    {
        _server = await SampleServer.StartAsync(new SampleServerOptions { Events = 60, Faults = faults }, _serverTime, Ct);
        var tokens = _server.Universe.EventsAt(_server.Clock.Now).SelectMany(e => e.Markets).Where(m => m.HasBook && m.EndDate > _server.Clock.Now.AddDays(2))
            .SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).Select(TokenId.Create).ToArray();
        _client = new MarketFeedClient(
            new MarketFeedOptions { Url = _server.MarketChannelAddress, MaxTokensPerConnection = maxPerConnection, ReconnectBaseDelay = TimeSpan.Zero },
            _sink,
            _clientTime);
        _client.Subscribe(tokens);
        return tokens;
    }

    /// <summary>One interval of the channel, ten simulated minutes on: the market moves, and the test waits for the next thing the client tells its sink.</summary>
    private async Task TickAsync()
    {
        _server!.Clock.AdvanceBy(TimeSpan.FromMinutes(10));
        _serverTime.Advance(new SampleServerOptions().MarketChannelInterval);
        await _sink.WaitForAsync(_ => true, Ct);
    }

    private bool AllResynced(TokenId[] tokens, ResyncReason reason) =>
        tokens.All(t => _sink.Resyncs.Contains((t, reason)));

    private async Task WaitForSnapshotsAsync(int count)
    {
        while (Volatile.Read(ref _sink.Snapshots) < count)
        {
            await _sink.WaitForAsync(e => e.EndsWith(" snapshot", StringComparison.Ordinal), Ct);
        }
    }
}
