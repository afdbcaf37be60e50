using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Prescient.Sample.Server;
using Prescient.Testing;

namespace Prescient.Sample.Tests;

/// <summary><c>GET /ws/market</c> through a raw <see cref="System.Net.WebSockets.ClientWebSocket"/> on 127.0.0.1, the loop driven by the fake clock.</summary>
public sealed class MarketChannelTests
{
    private static readonly TimeSpan Interval = new SampleServerOptions().MarketChannelInterval;

    [Fact]
    public async Task Subscribe_KnownAndUnknownTokens_DumpIsOneArrayEqualToPostBooks()
    {
        await using var harness = await SampleHarness.StartAsync();
        var tokens = Tokens(harness, 12).Append("123456789").ToList();
        using var client = await MarketChannelClient.ConnectAsync(harness);

        await client.SubscribeAsync(tokens);
        var dump = (await client.ReceiveJsonAsync()).AsArray();
        using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), tokens.Select(t => new { token_id = t }));
        var rest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().ToDictionary(b => b!["asset_id"]!.GetValue<string>());

        Assert.Equal(tokens.Count - 1, dump.Count);
        Assert.Equal(rest.Keys.Order(), dump.Select(b => b!["asset_id"]!.GetValue<string>()).Order());
        var recorded = RecordedKeys(Replay().OfType<JsonArray>().Single()[0]!);
        foreach (var book in dump)
        {
            Assert.Equal(recorded, RecordedKeys(book!));
            Assert.Equal("book", book!["event_type"]!.GetValue<string>());
            var expected = rest[book["asset_id"]!.GetValue<string>()]!;
            foreach (var key in new[] { "market", "asset_id", "timestamp", "hash", "bids", "asks", "tick_size", "last_trade_price" })
            {
                Assert.Equal(expected[key]!.ToJsonString(), book[key]!.ToJsonString());
            }
        }
    }

    [Fact]
    public async Task PriceChanges_AppliedToTheDump_MatchEveryEntryAndEndEqualToPostBooks()
    {
        await using var harness = await SampleHarness.StartAsync();
        var tokens = Tokens(harness, 40);
        using var client = await MarketChannelClient.ConnectAsync(harness);
        await client.SubscribeAsync(tokens);
        var books = new Dictionary<string, LocalBook>();
        foreach (var book in (await client.ReceiveJsonAsync()).AsArray())
        {
            books[book!["asset_id"]!.GetValue<string>()] = LocalBook.From(book);
        }

        var entries = 0;
        var kinds = new HashSet<string>();
        var trades = new Dictionary<string, string>();
        for (var i = 0; i < 10; i++)
        {
            foreach (var frame in await TickAsync(harness, client, TimeSpan.FromMinutes(3)))
            {
                var kind = frame["event_type"]!.GetValue<string>();
                kinds.Add(kind);
                AssertRecordedShape(frame);
                switch (kind)
                {
                    case "book":
                        books[frame["asset_id"]!.GetValue<string>()] = LocalBook.From(frame);
                        break;
                    case "price_change":
                        foreach (var entry in frame["price_changes"]!.AsArray())
                        {
                            var book = books[entry!["asset_id"]!.GetValue<string>()];
                            book.Apply(entry);
                            Assert.Equal(entry["best_bid"]!.GetValue<string>(), book.BestBid);
                            Assert.Equal(entry["best_ask"]!.GetValue<string>(), book.BestAsk);
                            entries++;
                        }

                        break;
                    case "last_trade_price":
                        trades[frame["asset_id"]!.GetValue<string>()] = frame["price"]!.GetValue<string>();
                        break;
                    case "best_bid_ask":
                        var top = books[frame["asset_id"]!.GetValue<string>()];
                        Assert.Equal((frame["best_bid"]!.GetValue<string>(), frame["best_ask"]!.GetValue<string>()), (top.BestBid, top.BestAsk));
                        break;
                }

                Assert.Contains(frame["asset_id"]?.GetValue<string>() ?? frame["price_changes"]![0]!["asset_id"]!.GetValue<string>(), tokens);
            }
        }

        using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), tokens.Select(t => new { token_id = t }));
        var rest = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.True(entries > 100, $"only {entries} price changes in 30 simulated minutes");
        Assert.Contains("price_change", kinds);
        Assert.Contains("best_bid_ask", kinds);
        Assert.Contains("last_trade_price", kinds);
        foreach (var book in rest)
        {
            var id = book!["asset_id"]!.GetValue<string>();
            Assert.Equal(LocalBook.From(book).ToString(), books[id].ToString());
            if (trades.TryGetValue(id, out var price))
            {
                Assert.Equal(book["last_trade_price"]!.GetValue<string>(), price);
            }
        }
    }

    [Fact]
    public async Task SubscribeAndUnsubscribe_WhileConnected_ChangeWhatArrives()
    {
        await using var harness = await SampleHarness.StartAsync();
        var all = Tokens(harness, 40);
        var first = all.Take(20).ToList();
        var second = all.Skip(20).ToList();
        using var client = await MarketChannelClient.ConnectAsync(harness);
        await client.SubscribeAsync(first);
        await client.ReceiveJsonAsync();

        await client.OperationAsync("subscribe", second);
        var added = (await client.ReceiveJsonAsync()).AsArray();
        await client.OperationAsync("unsubscribe", first);
        // Messages are handled in order: once PONG is back, the unsubscribe has been applied.
        Assert.Empty(await client.DrainAsync());
        var later = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            later.AddRange(await TickAsync(harness, client, TimeSpan.FromMinutes(3)));
        }

        Assert.Equal(second.Order(), added.Select(b => b!["asset_id"]!.GetValue<string>()).Order());
        Assert.NotEmpty(later);
        Assert.All(later.SelectMany(AssetIds), id => Assert.Contains(id, second));
    }

    [Fact]
    public async Task SystemClock_Subscribed_PriceChangesArriveWithNoClockControl()
    {
        await using var server = await SampleServer.StartAsync(new SampleServerOptions { MarketChannelInterval = TimeSpan.FromMilliseconds(100) }, TimeProvider.System, CancellationToken.None);
        var tokens = server.Universe.EventsAt(server.Clock.Now).SelectMany(e => e.Markets).Where(m => m.HasBook).Take(40).SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).ToList();
        using var client = await MarketChannelClient.ConnectAsync(server.MarketChannelAddress);
        await client.SubscribeAsync(tokens);
        var dump = (await client.ReceiveJsonAsync()).AsArray();

        // Waits (at most 30 s) on the server's own loop: the market moves in real time.
        JsonNode frame;
        do
        {
            frame = await client.ReceiveJsonAsync();
        }
        while (frame["event_type"]!.GetValue<string>() != "price_change");

        Assert.NotEmpty(dump);
        Assert.True(long.Parse(frame["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture) > long.Parse(dump[0]!["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Ping_Text_AnswersPong()
    {
        await using var harness = await SampleHarness.StartAsync();
        using var client = await MarketChannelClient.ConnectAsync(harness);

        await client.SendAsync("PING");

        Assert.Equal("PONG", await client.ReceiveAsync());
    }

    [Fact]
    public async Task Advance_PastASubscribedMarketsEnd_SendsMarketResolvedAndEmptiesTheBook()
    {
        await using var harness = await SampleHarness.StartAsync();
        var market = harness.Server.Universe.EventsAt(harness.Now).Where(e => e.Markets.Count == 1).OrderBy(e => e.EndDate).First().Markets[0];
        using var client = await MarketChannelClient.ConnectAsync(harness);
        await client.SubscribeAsync([market.YesTokenId, market.NoTokenId]);
        var books = (await client.ReceiveJsonAsync()).AsArray().ToDictionary(b => b!["asset_id"]!.GetValue<string>(), b => LocalBook.From(b!));

        var frames = await TickAsync(harness, client, market.EndDate - harness.Now + TimeSpan.FromMinutes(1));
        var gamma = await harness.GetJsonAsync("markets/" + market.MarketId);

        var resolved = Assert.Single(frames, f => f["event_type"]!.GetValue<string>() == "market_resolved");
        AssertRecordedShape(resolved);
        var prices = Paging.EncodedArray(gamma["outcomePrices"]);
        var winner = prices[0] == "1" ? market.YesTokenId : prices[1] == "1" ? market.NoTokenId : "";
        Assert.Equal(winner, resolved["winning_asset_id"]!.GetValue<string>());
        Assert.Equal(market.ConditionId, resolved["market"]!.GetValue<string>());
        Assert.Equal(market.MarketId, resolved["id"]!.GetValue<string>());
        foreach (var entry in frames.Where(f => f["event_type"]!.GetValue<string>() == "price_change").SelectMany(f => f["price_changes"]!.AsArray()))
        {
            books[entry!["asset_id"]!.GetValue<string>()].Apply(entry);
        }

        Assert.All(books.Values, b => Assert.Equal("bids  asks ", b.ToString()));
    }

    [Fact]
    public async Task Advance_ThreeDays_AnnouncesEveryMarketOfTheEventsThatOpened()
    {
        await using var harness = await SampleHarness.StartAsync();
        using var client = await MarketChannelClient.ConnectAsync(harness);
        await client.SubscribeAsync(Tokens(harness, 2));
        await client.ReceiveAsync();
        await TickAsync(harness, client, TimeSpan.FromMinutes(1));
        var before = harness.Server.Universe.EventsAt(harness.Now).Select(e => e.EventId).ToHashSet();

        var frames = await TickAsync(harness, client, TimeSpan.FromDays(3));

        var opened = harness.Server.Universe.EventsAt(harness.Now).Where(e => !before.Contains(e.EventId)).ToList();
        var announced = frames.Where(f => f["event_type"]!.GetValue<string>() == "new_market").ToList();
        Assert.NotEmpty(opened);
        Assert.Equal(opened.SelectMany(e => e.Markets.Select(m => m.MarketId)).Order(), announced.Select(f => f["id"]!.GetValue<string>()).Order());
        Assert.All(announced, AssertRecordedShape);
        var first = opened[0].Markets[0];
        var frame = announced.Single(f => f["id"]!.GetValue<string>() == first.MarketId);
        Assert.Equal(first.ConditionId, frame["market"]!.GetValue<string>());
        Assert.Equal([first.YesTokenId, first.NoTokenId], frame["assets_ids"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(opened[0].EventId, frame["event_message"]!["id"]!.GetValue<string>());
        Assert.Equal(opened[0].Title, frame["event_message"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task WsDropAfter_Three_DropsTheConnectionAfterTheThirdFrame()
    {
        await using var harness = await SampleHarness.StartAsync(new SampleServerOptions { Faults = new FaultOptions { WsDropAfter = 3 } });
        using var client = await MarketChannelClient.ConnectAsync(harness);
        await client.SubscribeAsync(Tokens(harness, 2));
        var received = new List<string> { await client.ReceiveAsync() };
        for (var i = 0; i < 2; i++)
        {
            // One at a time, so that the server has read every byte sent when it drops the connection.
            await client.SendAsync("PING");
            received.Add(await client.ReceiveAsync());
        }

        await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => client.ReceiveAsync());
        Assert.StartsWith("[", received[0], StringComparison.Ordinal);
        Assert.Equal(["PONG", "PONG"], received[1..]);
        Assert.Equal(1, harness.Server.Stats.Faults(SampleFaultKind.WsDrop));
    }

    [Fact]
    public async Task WsSilentAfter_Two_SendsNothingMoreButKeepsTheConnection()
    {
        await using var harness = await SampleHarness.StartAsync(new SampleServerOptions { Faults = new FaultOptions { WsSilentAfter = 2 } });
        using var client = await MarketChannelClient.ConnectAsync(harness);
        await client.SubscribeAsync(Tokens(harness, 20));
        Assert.StartsWith("[", await client.ReceiveAsync(), StringComparison.Ordinal);
        await client.SendAsync("PING");
        Assert.Equal("PONG", await client.ReceiveAsync());

        await client.SendAsync("PING");
        harness.Server.Clock.AdvanceBy(TimeSpan.FromMinutes(30));
        harness.Time.Advance(Interval);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        // The one bounded wait that is meant to run out: silence cannot be shown otherwise.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReceiveAsync(wait.Token));
        Assert.Equal(2, harness.Server.Stats.MarketChannelMessages);
        Assert.Equal(1, harness.Server.Stats.Faults(SampleFaultKind.WsSilent));
        Assert.Equal(0, harness.Server.Stats.Faults(SampleFaultKind.WsDrop));
    }

    [Fact]
    public async Task WsMalformedRate_Half_CutsSomeJsonFramesTheSameWayForTheSameSeed()
    {
        var runs = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var harness = await SampleHarness.StartAsync(new SampleServerOptions { Faults = new FaultOptions { WsMalformedRate = 0.5 } });
            using var client = await MarketChannelClient.ConnectAsync(harness);
            var token = Tokens(harness, 1)[0];
            var pattern = new System.Text.StringBuilder();
            for (var i = 0; i < 30; i++)
            {
                await client.OperationAsync("subscribe", [token]);
                var text = await client.ReceiveAsync();
                pattern.Append(IsJson(text) ? '.' : 'x');
            }

            Assert.Equal("PONG", (await client.DrainAsync()).Count == 0 ? "PONG" : "unexpected frames");
            Assert.Equal(pattern.ToString().Count(c => c == 'x'), harness.Server.Stats.Faults(SampleFaultKind.WsMalformed));
            runs.Add(pattern.ToString());
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.InRange(runs[0].Count(c => c == 'x'), 5, 25);
    }

    /// <summary>Moves the simulated clock, fires the channel's timer once, and returns every frame of that instant.</summary>
    private static async Task<List<JsonNode>> TickAsync(SampleHarness harness, MarketChannelClient client, TimeSpan simulated)
    {
        harness.Server.Clock.AdvanceBy(simulated);
        harness.Time.Advance(Interval);
        var at = harness.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var frames = new List<JsonNode>();
        // PONG is queued after all of an instant's frames: drain until that instant has been seen.
        while (!frames.Any(f => f["timestamp"]?.GetValue<string>() == at))
        {
            frames.AddRange(await client.DrainAsync());
        }

        Assert.All(frames, f => Assert.Equal(at, f["timestamp"]!.GetValue<string>()));
        return frames;
    }

    /// <summary>Both tokens of the first open markets that have a two-sided book.</summary>
    private static List<string> Tokens(SampleHarness harness, int count) =>
        [.. harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets)
            .Where(m => m.HasBook && m.BestBid is not null && m.BestAsk is not null && m.EndDate > harness.Now.AddDays(2))
            .Take(count / 2 == 0 ? 1 : count / 2)
            .SelectMany(m => new[] { m.YesTokenId, m.NoTokenId })
            .Take(count)];

    private static IEnumerable<string> AssetIds(JsonNode frame) =>
        frame["price_changes"] is JsonArray changes ? changes.Select(c => c!["asset_id"]!.GetValue<string>()) : [frame["asset_id"]!.GetValue<string>()];

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static List<JsonNode?> Replay() =>
        [.. Fixtures.Text("ws/ws_public_replay_2026-05.txt").Split(";;").Where(f => f.Trim().Length > 0).Select(f => JsonNode.Parse(f))];

    private static string RecordedKeys(JsonNode node) => string.Join(',', node.AsObject().Select(p => p.Key));

    /// <summary>Each kind of frame has the keys, in the order, of its recorded frame.</summary>
    private static void AssertRecordedShape(JsonNode frame)
    {
        var kind = frame["event_type"]!.GetValue<string>();
        var recorded = kind switch
        {
            "price_change" or "best_bid_ask" => Replay().OfType<JsonObject>().First(f => f["event_type"]?.GetValue<string>() == kind),
            "book" => Replay().OfType<JsonArray>().Single()[0]!,
            _ => Fixtures.Json("ws/ws_" + kind + ".json"),
        };
        Assert.Equal(RecordedKeys(recorded), RecordedKeys(frame));
        if (kind == "price_change")
        {
            Assert.All(frame["price_changes"]!.AsArray(), e => Assert.Equal(RecordedKeys(recorded["price_changes"]![0]!), RecordedKeys(e!)));
        }
    }

    /// <summary>A client-side L2 book: price text → size text per side.</summary>
    private sealed class LocalBook
    {
        private readonly SortedDictionary<decimal, string> _bids = [];
        private readonly SortedDictionary<decimal, string> _asks = [];

        public string BestBid => _bids.Count > 0 ? Text(_bids.Keys.Max()) : "0";

        public string BestAsk => _asks.Count > 0 ? Text(_asks.Keys.Min()) : "1";

        public static LocalBook From(JsonNode book)
        {
            var result = new LocalBook();
            foreach (var level in book["bids"]!.AsArray())
            {
                result._bids[Price(level!)] = level!["size"]!.GetValue<string>();
            }

            foreach (var level in book["asks"]!.AsArray())
            {
                result._asks[Price(level!)] = level!["size"]!.GetValue<string>();
            }

            return result;
        }

        public void Apply(JsonNode entry)
        {
            var side = entry["side"]!.GetValue<string>() == "BUY" ? _bids : _asks;
            var size = entry["size"]!.GetValue<string>();
            if (size == "0")
            {
                Assert.True(side.Remove(Price(entry)), "a removed level was not in the book");
            }
            else
            {
                side[Price(entry)] = size;
            }

            Assert.True(_bids.Count == 0 || _asks.Count == 0 || _bids.Keys.Max() < _asks.Keys.Min(), "the book crossed");
        }

        public override string ToString() =>
            "bids " + string.Join(' ', _bids.Select(l => Text(l.Key) + "x" + l.Value)) + " asks " + string.Join(' ', _asks.Select(l => Text(l.Key) + "x" + l.Value));

        private static decimal Price(JsonNode level) => decimal.Parse(level["price"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        private static string Text(decimal price) => (price / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }
}
