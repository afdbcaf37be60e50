using System.Globalization;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;
using Prescient.Polymarket.MarketHistory;
using Prescient.Testing;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Polymarket.Tests.MarketHistory;

/// <summary>
/// The recorded market-channel replay of <c>fixtures/polymarket/ws/</c> (May 2026: an initial dump of 24
/// books, 109 price changes, 10 best_bid_ask, and RTDS frames of other channels) read as a market history.
/// </summary>
public sealed class FeedTapeMarketHistoryTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2026, 5, 19, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(2);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ReadAsync_RecordedReplay_GivesEachTokensMidAtEachSecondAsTheMessagesSetIt()
    {
        var (history, _) = Open(Write("replay.txt", Fixtures.Text(Feed.FeedFixtures.Replay)));
        var expected = Oracle(Feed.FeedFixtures.ReplayFrames());

        var tokens = await history.TokensAsync(From, To, CancellationToken.None);

        Assert.Equal(24, tokens.Count);
        Assert.Equal(expected.Keys.Order(), tokens);
        foreach (var token in tokens)
        {
            Assert.Equal(expected[token], await PointsAsync(history, token, From, To));
        }

        // A book with an empty side is priced at its last trade (0.999 on the recorded ones).
        Assert.Contains(expected.Values, points => points.Any(p => p.Price == 0.999m));
        Assert.Equal(8, expected.Values.Count(points => points.Count == 2));
        Assert.Equal(0, history.Stats.Malformed);
        Assert.Equal(240, history.Stats.Frames);
        Assert.True(history.Stats.Unknown >= 120, $"{history.Stats.Unknown} frames of other channels skipped");
    }

    [Fact]
    public async Task ReadAsync_OneFramePerLine_GivesTheSamePointsAsTheRecordedFraming()
    {
        var (recorded, _) = Open(Write("replay.txt", Fixtures.Text(Feed.FeedFixtures.Replay)));
        var (lines, _) = Open(Write("replay.jsonl", string.Join("\r\n", Feed.FeedFixtures.ReplayFrames()) + "\n"));

        var tokens = await recorded.TokensAsync(From, To, CancellationToken.None);

        Assert.Equal(tokens, await lines.TokensAsync(From, To, CancellationToken.None));
        foreach (var token in tokens)
        {
            Assert.Equal(await PointsAsync(recorded, token, From, To), await PointsAsync(lines, token, From, To));
        }
    }

    [Fact]
    public async Task ReadAsync_AMalformedFrame_IsLoggedCountedAndSkipped_TheRestReadAsWithoutIt()
    {
        var frames = Feed.FeedFixtures.ReplayFrames();
        var damaged = frames.Take(100).Append("""{"event_type":"price_change","market":"0x86""").Concat(frames.Skip(100));
        var (clean, _) = Open(Write("clean.txt", string.Join(";;", frames)));
        var (history, logger) = Open(Write("damaged.txt", string.Join(";;", damaged)));

        var tokens = await history.TokensAsync(From, To, CancellationToken.None);

        Assert.Equal(1, history.Stats.Malformed);
        Assert.Equal(241, history.Stats.Frames);
        Assert.Contains(logger.Warnings, w => w.Contains("damaged.txt", StringComparison.Ordinal) && w.Contains("frame 101", StringComparison.Ordinal));
        Assert.Equal(await clean.TokensAsync(From, To, CancellationToken.None), tokens);
        foreach (var token in tokens)
        {
            Assert.Equal(await PointsAsync(clean, token, From, To), await PointsAsync(history, token, From, To));
        }
    }

    [Fact]
    public async Task ReadAsync_Range_IsHalfOpenInWholeSeconds()
    {
        var (history, _) = Open(Write("replay.txt", Fixtures.Text(Feed.FeedFixtures.Replay)));
        var tokens = await history.TokensAsync(From, To, CancellationToken.None);
        var (token, all) = (await Task.WhenAll(tokens.Select(async t => (Token: t, Points: await PointsAsync(history, t, From, To))))).First(p => p.Points.Count == 2);

        Assert.Equal([all[0]], await PointsAsync(history, token, all[0].Time, all[1].Time));
        Assert.Equal([all[1]], await PointsAsync(history, token, all[0].Time.AddSeconds(1), To));
        Assert.Empty(await PointsAsync(history, token, From, all[0].Time));
        Assert.DoesNotContain(token, await history.TokensAsync(all[1].Time.AddSeconds(1), To, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_LastTradeWithoutABook_IsThePoint_AndMarketResolvedGivesTheWinnerOne()
    {
        var trade = Fixtures.Json("ws/ws_last_trade_price.json");
        var resolved = Fixtures.Json("ws/ws_market_resolved.json");
        var (history, _) = Open(Write("tape.txt", trade.ToJsonString() + "\n" + resolved.ToJsonString() + "\n"));
        var traded = TokenId.Create((string)trade["asset_id"]!);
        var winner = TokenId.Create((string)resolved["winning_asset_id"]!);
        var loser = TokenId.Create(resolved["assets_ids"]!.AsArray().Select(a => (string)a!).Single(a => a != winner.Value));

        var points = await PointsAsync(history, traded, new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero), To);

        Assert.Equal([HistoryPoint.At(DateTimeOffset.FromUnixTimeMilliseconds(1724564136087), 0.491m)], points);
        Assert.Equal(1m, (await history.ResolutionAsync(winner, CancellationToken.None))!.PayoutPerShare);
        Assert.Equal(0m, (await history.ResolutionAsync(loser, CancellationToken.None))!.PayoutPerShare);
        Assert.Contains("feed tape", (await history.ResolutionAsync(winner, CancellationToken.None))!.Detail, StringComparison.Ordinal);
        Assert.Null(await history.ResolutionAsync(traded, CancellationToken.None));
    }

    [Fact]
    public async Task ResolutionAsync_MarketNotResolvedOnTheTape_ComesFromTheLastRefresh()
    {
        var row = MarketRows.Binary("e1", "7", From) with { Closed = true, YesPrice = 0m, NoPrice = 1m };
        var store = new InMemoryMarketDataStore { Markets = new MarketsSnapshot(From, MarketSourceInfo.Sample, [row]) };
        var history = new FeedTapeMarketHistory(Write("replay.txt", Fixtures.Text(Feed.FeedFixtures.Replay)), store, new RecordingLogger<FeedTapeMarketHistory>());

        Assert.Equal(1m, (await history.ResolutionAsync(row.NoTokenId!.Value, CancellationToken.None))!.PayoutPerShare);
        Assert.Equal(0m, (await history.ResolutionAsync(row.YesTokenId!.Value, CancellationToken.None))!.PayoutPerShare);
    }

    [Fact]
    public void Create_NoSuchTape_SaysWhatToGive()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new FeedTapeMarketHistory(Path.Combine(_dir.Path, "missing"), null, new RecordingLogger<FeedTapeMarketHistory>()));

        Assert.Contains("market-channel frames", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// The expected points, computed from the JSON apart from the adapter: per token and second, the price
    /// the last message of that second set (a book's mid, else its last trade; a change's or a top's mid).
    /// </summary>
    private static Dictionary<TokenId, List<HistoryPoint>> Oracle(IEnumerable<string> frames)
    {
        var prices = new Dictionary<TokenId, SortedDictionary<long, decimal>>();
        void Set(string token, JsonNode message, decimal? price)
        {
            if (price is not { } p)
            {
                return;
            }

            var second = long.Parse((string)message["timestamp"]!, CultureInfo.InvariantCulture) / 1000;
            var id = TokenId.Create(token);
            if (!prices.TryGetValue(id, out var series))
            {
                prices[id] = series = [];
            }

            series[second] = p;
        }

        foreach (var frame in frames)
        {
            var node = JsonNode.Parse(frame)!;
            foreach (var message in node is JsonArray array ? array.Select(m => m!) : [node])
            {
                switch ((string?)message["event_type"])
                {
                    case "book":
                        var bids = message["bids"]!.AsArray().Select(l => D(l!["price"])).ToArray();
                        var asks = message["asks"]!.AsArray().Select(l => D(l!["price"])).ToArray();
                        Set((string)message["asset_id"]!, message, bids.Length > 0 && asks.Length > 0 ? (bids.Max() + asks.Min()) / 2m : D(message["last_trade_price"]));
                        break;
                    case "price_change":
                        foreach (var change in message["price_changes"]!.AsArray())
                        {
                            Set((string)change!["asset_id"]!, message, (D(change["best_bid"]) + D(change["best_ask"])) / 2m);
                        }

                        break;
                    case "best_bid_ask":
                        Set((string)message["asset_id"]!, message, (D(message["best_bid"]) + D(message["best_ask"])) / 2m);
                        break;
                }
            }
        }

        return prices.ToDictionary(p => p.Key, p => p.Value.Select(s => new HistoryPoint(s.Key, s.Value)).ToList());
    }

    private static decimal D(JsonNode? value) => decimal.Parse((string)value!, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static async Task<List<HistoryPoint>> PointsAsync(IMarketHistory history, TokenId token, DateTimeOffset from, DateTimeOffset to)
    {
        var points = new List<HistoryPoint>();
        await foreach (var chunk in history.ReadAsync(token, from, to, CancellationToken.None))
        {
            points.AddRange(chunk.ToArray());
        }

        return points;
    }

    private (FeedTapeMarketHistory History, RecordingLogger<FeedTapeMarketHistory> Logger) Open(string path)
    {
        var logger = new RecordingLogger<FeedTapeMarketHistory>();
        return (new FeedTapeMarketHistory(path, null, logger), logger);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
