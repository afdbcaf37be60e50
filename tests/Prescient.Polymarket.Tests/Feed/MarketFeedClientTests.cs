using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>The client against a real WebSocket server on loopback, driven with recorded frames and a fake clock.</summary>
public sealed class MarketFeedClientTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 19, 20, 51, 0, TimeSpan.Zero));
    private readonly RecordingSink _sink = new();
    private readonly IReadOnlyList<string> _frames = FeedFixtures.ReplayFrames();
    private FakeMarketChannel _server = null!;
    private MarketFeedClient? _client;

    private CancellationToken Ct => _timeout.Token;

    private string Dump => _frames[0];

    private IReadOnlyList<string> PriceChanges => _frames.Where(f => f.Contains("\"price_change\"", StringComparison.Ordinal)).ToArray();

    private TokenId[] DumpTokens =>
        JsonDocument.Parse(Dump).RootElement.EnumerateArray().Select(b => TokenId.Create(b.GetProperty("asset_id").GetString()!)).ToArray();

    public async Task InitializeAsync() => _server = await FakeMarketChannel.StartAsync();

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Subscribe_SendsTheDocumentedSubscriptionAndBuildsBooksFromTheDumpAndChanges()
    {
        var connection = await StartAsync(DumpTokens);

        var subscription = JsonDocument.Parse(await connection.ReceiveAsync(Ct)).RootElement;
        Assert.Equal(DumpTokens.Select(t => t.Value).Order(), subscription.GetProperty("assets_ids").EnumerateArray().Select(e => e.GetString()!).Order());
        Assert.Equal("market", subscription.GetProperty("type").GetString());
        Assert.True(subscription.GetProperty("initial_dump").GetBoolean());
        Assert.True(subscription.GetProperty("custom_feature_enabled").GetBoolean());
        await connection.SendAsync(Dump, Ct);
        foreach (var frame in PriceChanges)
        {
            await connection.SendAsync(frame, Ct);
        }

        var lastChange = JsonDocument.Parse(PriceChanges[^1]).RootElement.GetProperty("price_changes")[1];
        await WaitForLevelUpdatesAsync(218);
        var token = TokenId.Create(lastChange.GetProperty("asset_id").GetString()!);
        Assert.Equal(24, _sink.Snapshots);
        Assert.Equal((decimal.Parse(lastChange.GetProperty("best_bid").GetString()!, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(lastChange.GetProperty("best_ask").GetString()!, System.Globalization.CultureInfo.InvariantCulture)), _sink.LastTop[token]);
        Assert.Empty(_sink.Resyncs);
        var shard = Assert.Single(_client!.Status().Shards);
        Assert.Equal((ShardState.Connected, 24, 1 + 109L, 24 + 109L, 0L, 0L), (shard.State, shard.Tokens, shard.Frames, shard.Messages, shard.Malformed, shard.Reconnects));
    }

    [Fact]
    public async Task DroppedConnection_ReconnectsResubscribesAndAsksForResyncOfEveryToken()
    {
        var first = await StartAsync(DumpTokens);
        var firstSubscription = await first.ReceiveAsync(Ct);
        await first.SendAsync(Dump, Ct);
        await WaitForSnapshotsAsync(24);

        first.Drop();
        var second = await _server.NextConnectionAsync(Ct);
        var secondSubscription = await second.ReceiveAsync(Ct);

        Assert.Equal(firstSubscription, secondSubscription);
        Assert.Equal(DumpTokens.Order(), _sink.Resyncs.Select(r => r.Token).Order());
        Assert.All(_sink.Resyncs, r => Assert.Equal(ResyncReason.Reconnected, r.Reason));
        await second.SendAsync(Dump, Ct);
        await WaitForSnapshotsAsync(48);
        var shard = Assert.Single(_client!.Status().Shards);
        Assert.Equal((1L, ShardState.Connected), (shard.Reconnects, shard.State));
    }

    [Fact]
    public async Task MalformedFrameAndPong_AreCountedAndTheFeedGoesOn()
    {
        var connection = await StartAsync(DumpTokens);
        await connection.ReceiveAsync(Ct);
        await connection.SendAsync(Dump, Ct);
        await connection.SendAsync("""{"event_type":"price_change","price_changes":[{"asset_id":"1",""", Ct);
        await connection.SendAsync("PONG", Ct);
        await connection.SendAsync(PriceChanges[0], Ct);

        await WaitForLevelUpdatesAsync(2);

        var shard = Assert.Single(_client!.Status().Shards);
        Assert.Equal((1L, 1L, 4L, ShardState.Connected), (shard.Malformed, shard.Pongs, shard.Frames, shard.State));
        Assert.Equal(0L, shard.Reconnects);
    }

    [Fact]
    public async Task PingTimer_SendsPingEveryIntervalOnTheInjectedClock()
    {
        var connection = await StartAsync(DumpTokens);
        await connection.ReceiveAsync(Ct);

        _time.Advance(TimeSpan.FromSeconds(10));
        await connection.WaitForPingAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(10));
        await connection.WaitForPingAsync(Ct);

        Assert.Equal(2, connection.Received.Count(m => m == "PING"));
    }

    [Fact]
    public async Task Silence_IsDetectedAndTheClientReconnects()
    {
        _server.AutoPong = false;
        var first = await StartAsync(DumpTokens);
        await first.ReceiveAsync(Ct);
        await first.SendAsync(Dump, Ct);
        await WaitForSnapshotsAsync(24);

        _time.Advance(TimeSpan.FromSeconds(29));
        var stillUp = _client!.Status().Shards[0];
        _time.Advance(TimeSpan.FromSeconds(2));
        var second = await _server.NextConnectionAsync(Ct);
        await second.ReceiveAsync(Ct);

        Assert.Equal(0L, stillUp.SilenceDrops);
        Assert.Equal(TimeSpan.FromSeconds(29), stillUp.LastMessageAge);
        var shard = _client.Status().Shards[0];
        Assert.Equal((1L, 1L), (shard.SilenceDrops, shard.Reconnects));
        Assert.Equal(24, _sink.Resyncs.Count);
    }

    [Fact]
    public async Task ManyTokens_AreShardedAcrossConnectionsOfTheConfiguredSize()
    {
        _client = NewClient(maxPerConnection: 10);
        _client.Subscribe(DumpTokens);

        var subscriptions = new List<string[]>();
        for (var i = 0; i < 3; i++)
        {
            var connection = await _server.NextConnectionAsync(Ct);
            var message = JsonDocument.Parse(await connection.ReceiveAsync(Ct)).RootElement;
            subscriptions.Add(message.GetProperty("assets_ids").EnumerateArray().Select(e => e.GetString()!).ToArray());
        }

        Assert.Equal([4, 10, 10], subscriptions.Select(s => s.Length).Order());
        Assert.Equal(DumpTokens.Select(t => t.Value).Order(), subscriptions.SelectMany(s => s).Order());
        Assert.Equal(3, _client.Status().Shards.Count);
    }

    [Fact]
    public async Task SubscribeAndUnsubscribeWhileConnected_ChangeSubscriptionsWithoutReconnecting()
    {
        var tokens = DumpTokens;
        var connection = await StartAsync(tokens[..2]);
        await connection.ReceiveAsync(Ct);

        _client!.Subscribe(tokens[1..4]);
        var added = JsonDocument.Parse(await connection.ReceiveAsync(Ct)).RootElement;
        _client.Unsubscribe([tokens[0]]);
        var removed = JsonDocument.Parse(await connection.ReceiveAsync(Ct)).RootElement;

        Assert.Equal(tokens[2..4].Select(t => t.Value), added.GetProperty("assets_ids").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("subscribe", added.GetProperty("operation").GetString());
        Assert.True(added.GetProperty("custom_feature_enabled").GetBoolean());
        Assert.Equal([tokens[0].Value], removed.GetProperty("assets_ids").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("unsubscribe", removed.GetProperty("operation").GetString());
        var shard = Assert.Single(_client.Status().Shards);
        Assert.Equal((3, 0L), (shard.Tokens, shard.Reconnects));
    }

    private async Task<FakeMarketChannel.Connection> StartAsync(IEnumerable<TokenId> tokens)
    {
        _client = NewClient(maxPerConnection: 500);
        _client.Subscribe(tokens);
        return await _server.NextConnectionAsync(Ct);
    }

    private MarketFeedClient NewClient(int maxPerConnection) =>
        new(new MarketFeedOptions { Url = _server.Url, MaxTokensPerConnection = maxPerConnection, ReconnectBaseDelay = TimeSpan.Zero }, _sink, _time);

    private async Task WaitForSnapshotsAsync(int count)
    {
        while (Volatile.Read(ref _sink.Snapshots) < count)
        {
            await _sink.WaitForAsync(e => e.EndsWith(" snapshot", StringComparison.Ordinal), Ct);
        }
    }

    private async Task WaitForLevelUpdatesAsync(int count)
    {
        while (Volatile.Read(ref _sink.LevelUpdates) < count)
        {
            await _sink.WaitForAsync(e => e.EndsWith(" level", StringComparison.Ordinal), Ct);
        }
    }
}
