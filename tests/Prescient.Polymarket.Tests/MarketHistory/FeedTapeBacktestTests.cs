using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Backtest;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Polymarket.MarketHistory;
using Prescient.Testing;
using Prescient.Testing.Builders;
using Prescient.Testing.Fakes;

namespace Prescient.Polymarket.Tests.MarketHistory;

/// <summary>The recorded replay's markets backtested on the feed tape: the strategy and fills see the tape's prices, and only once they happened.</summary>
public sealed class FeedTapeBacktestTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 5, 19);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Backtest_OnTheFeedTape_BuysAtTheSyntheticAskAroundTheTapesMid_NotBeforeIt()
    {
        var path = Path.Combine(_dir.Path, "replay.txt");
        File.Copy(Fixtures.Path(Feed.FeedFixtures.Replay), path);
        var history = new FeedTapeMarketHistory(path, null, new RecordingLogger<FeedTapeMarketHistory>());
        var rows = Rows();
        var store = new InMemoryMarketDataStore { Markets = new MarketsSnapshot(new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero), MarketSourceInfo.Live, rows) };
        var options = new BacktestOptions { Step = TimeSpan.FromMinutes(1) };
        var service = new BacktestService(store, [new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions()))], Options.Create(new TradingOptions()), Options.Create(options), new FrozenClock(new DateTimeOffset(2026, 5, 21, 0, 0, 0, TimeSpan.Zero)));

        var result = await service.RunAsync(new BacktestRequest(Day, Day), history, null, CancellationToken.None);

        Assert.Equal("feed tape", result.History);
        Assert.True(rows.Count >= 8, $"{rows.Count} markets with both books on the tape");
        Assert.Equal(rows.Count, result.Markets.Count);
        var buys = result.Trades.Where(t => t.Trade.Kind == TradeKind.Buy).ToArray();
        Assert.NotEmpty(buys);
        var model = new SyntheticBookModel(options);
        foreach (var buy in buys)
        {
            var row = rows.Single(r => r.MarketId == buy.Trade.MarketId);
            var seen = await PointsAsync(history, row.YesTokenId!.Value, buy.Trade.ExecutedAt);
            Assert.NotEmpty(seen);
            Assert.Equal(1m - model.Touch(seen[^1].Price, row.TickSize).Bid, buy.Trade.BestPrice!.Value.Value);
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Every market of the replay's initial dump with both tokens' books: the first token as YES, ticks as recorded.</summary>
    private static List<MarketRow> Rows()
    {
        var dump = Feed.FeedFixtures.ReplayFrames().Select(f => JsonNode.Parse(f)!).OfType<JsonArray>().Single();
        var rows = new List<MarketRow>();
        var index = 0;
        foreach (var market in dump.Select(b => b!).GroupBy(b => (string)b["market"]!).Where(g => g.Count() == 2).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (yes, no) = (market.First(), market.Last());
            var id = (++index).ToString(CultureInfo.InvariantCulture);
            rows.Add(MarketRows.Binary("e" + id, id, new DateTimeOffset(2026, 5, 19, 0, 0, 0, TimeSpan.Zero)) with
            {
                ConditionId = ConditionId.Create(market.Key),
                YesTokenId = TokenId.Create((string)yes["asset_id"]!),
                NoTokenId = TokenId.Create((string)no["asset_id"]!),
                TickSize = decimal.Parse((string)yes["tick_size"]!, CultureInfo.InvariantCulture),
            });
        }

        return rows;
    }

    /// <summary>The token's points at or before <paramref name="at"/>.</summary>
    private static async Task<List<HistoryPoint>> PointsAsync(IMarketHistory history, TokenId token, DateTimeOffset at)
    {
        var points = new List<HistoryPoint>();
        await foreach (var chunk in history.ReadAsync(token, at.AddDays(-1), at.AddSeconds(1), CancellationToken.None))
        {
            points.AddRange(chunk.ToArray());
        }

        return points;
    }
}
