using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Tests;

/// <summary>
/// The sample market is good enough to trade on: at the default settings, the events a refresh keeps
/// offer markets the default strategy signals (YES mid above 0.50, two-sided books on both tokens,
/// NO priced as the mirror of YES), and those markets resolve as simulated days pass, with Gamma's
/// payout and the CLOB's winner agreeing.
/// </summary>
public sealed class TradingScenarioTests
{
    [Fact]
    public async Task Books_OfTheMarketsARefreshKeeps_AreTwoSidedMirroredAndTheDefaultStrategySignals()
    {
        await using var harness = await SampleHarness.StartAsync();
        var now = harness.Now;
        var kept = harness.Server.Universe.EventsAt(now).Where(e => PassesDefaultFilters(e, now)).ToArray();
        var quotable = kept.SelectMany(e => e.Markets.Where(Quotable)).ToArray();

        var books = await BooksAsync(harness, quotable.SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }));

        var yesAboveHalf = quotable
            .Where(m => books.TryGetValue(m.YesTokenId, out var yes) && yes.Mid > 0.50m && books.TryGetValue(m.NoTokenId, out var no) && no.Spread is not null)
            .ToArray();
        Assert.True(yesAboveHalf.Length >= 20, $"only {yesAboveHalf.Length} markets with a YES mid above 0.50 and two-sided books");
        Assert.All(yesAboveHalf, m =>
        {
            Assert.Equal(1 - books[m.YesTokenId].BestBid, books[m.NoTokenId].BestAsk);
            Assert.Equal(1 - books[m.YesTokenId].BestAsk, books[m.NoTokenId].BestBid);
        });

        var rows = kept.SelectMany(e => e.Markets.Select(m => Row(e, m))).ToArray();
        var quotes = rows.Where(r => r.IsQuotable)
            .SelectMany(r => new[] { (r, r.YesTokenId!.Value, r.Outcomes[0]), (r, r.NoTokenId!.Value, r.Outcomes[1]) })
            .Select(t => TokenQuote.From(t.r, t.Item2, t.Item3, books.GetValueOrDefault(t.Item2.Value)))
            .ToDictionary(q => q.TokenId);
        var strategy = new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions()));
        var result = strategy.Generate(new StrategyContext(rows, quotes, new Portfolio(Usdc.Create(10_000m)), now));

        Assert.True(result.Signals.Count >= 10, $"the default strategy emitted only {result.Signals.Count} signals");
        Assert.Equal(result.Signals.Count, result.Signals.Select(s => s.EventId).Distinct().Count());
        Assert.All(result.Signals, s =>
        {
            var market = quotable.Single(m => m.MarketId == s.MarketId.Value);
            Assert.Equal(market.NoTokenId, s.TokenId.Value);
            Assert.Equal(1 - books[market.YesTokenId].BestBid, s.Price.Value);
            Assert.True(s.YesPrice.Value > 0.50m);
        });
        Assert.Contains(result.Skipped, s => s.Reason == SkipReason.BelowThreshold);
    }

    [Fact]
    public async Task AdvanceDayByDay_MarketsARefreshKeeps_ResolveWithGammaPayoutAndClobWinnerAgreeing()
    {
        await using var harness = await SampleHarness.StartAsync();
        var start = harness.Now;
        var ending = harness.Server.Universe.EventsAt(start)
            .Where(e => PassesDefaultFilters(e, start))
            .SelectMany(e => e.Markets.Where(Quotable).Select(m => (e.EventId, Market: m)))
            .Where(x => x.Market.EndDate <= start.AddDays(30))
            .ToList();
        Assert.True(ending.Count >= 5, $"only {ending.Count} kept markets end within 30 days");

        var payouts = new Dictionary<string, decimal>();
        for (var day = 1; day <= 30; day++)
        {
            using var advance = await harness.Http.PostAsJsonAsync(new Uri("sample/advance", UriKind.Relative), new { days = 1 });
            advance.EnsureSuccessStatusCode();
            foreach (var (eventId, market) in ending.Where(x => x.Market.EndDate <= harness.Now && !payouts.ContainsKey(x.Market.MarketId)))
            {
                payouts[market.MarketId] = await ResolvedPayoutAsync(harness, market);
                var truth = harness.Server.Universe.FindEvent(eventId, harness.Now)!.Markets.Single(m => m.MarketId == market.MarketId);
                Assert.Equal(truth.YesPayout, payouts[market.MarketId]);
            }
        }

        Assert.Equal(ending.Count, payouts.Count);
        Assert.Contains(1m, payouts.Values);
        Assert.Contains(0m, payouts.Values);
    }

    /// <summary>Reads a resolved market from both APIs, checks they agree, and returns what a YES share pays.</summary>
    private static async Task<decimal> ResolvedPayoutAsync(SampleHarness harness, SampleMarketInfo market)
    {
        var gamma = (await harness.GetJsonAsync("markets/" + market.MarketId)).AsObject();
        var clob = (await harness.GetJsonAsync("markets/" + market.ConditionId)).AsObject();
        Assert.True(gamma["closed"]!.GetValue<bool>());
        Assert.True(clob["closed"]!.GetValue<bool>());
        var prices = Paging.EncodedArray(gamma["outcomePrices"]).Select(p => decimal.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains((prices[0], prices[1]), new[] { (1m, 0m), (0m, 1m), (0.5m, 0.5m) });
        var winners = clob["tokens"]!.AsArray().Where(t => t!["winner"]!.GetValue<bool>()).Select(t => t!["token_id"]!.GetValue<string>()).ToArray();
        string[] expected = prices[0] switch
        {
            1m => [market.YesTokenId],
            0m => [market.NoTokenId],
            _ => [],
        };
        Assert.Equal(expected, winners);
        Assert.Equal(prices[0] == 0.5m, clob["is_50_50_outcome"]!.GetValue<bool>());
        return prices[0];
    }

    private static bool Quotable(SampleMarketInfo m) => m.AcceptingOrders && !m.Closed && m.EnableOrderBook;

    /// <summary>The default trading filters (Engine TradingFilterOptions) on the ground truth.</summary>
    private static bool PassesDefaultFilters(SampleEventInfo e, DateTimeOffset now) =>
        e.Active && !e.Closed && !e.Archived && e.EnableOrderBook
        && e.Liquidity >= 1_000m
        && e.Volume >= 10_000m
        && (e.EndDate - now).TotalDays is >= 1 and <= 365
        && e.Markets.Any(m => m.AcceptingOrders && !m.Closed);

    private static MarketRow Row(SampleEventInfo e, SampleMarketInfo m) => new()
    {
        EventId = EventId.Create(e.EventId),
        EventTitle = e.Title,
        MarketId = MarketId.Create(m.MarketId),
        ConditionId = ConditionId.Create(m.ConditionId),
        Question = m.Question,
        Outcomes = m.Outcomes,
        YesTokenId = TokenId.Create(m.YesTokenId),
        NoTokenId = TokenId.Create(m.NoTokenId),
        Liquidity = m.Liquidity,
        Volume = m.Volume,
        EndDate = m.EndDate,
        Active = e.Active,
        Closed = m.Closed,
        AcceptingOrders = m.AcceptingOrders,
        EnableOrderBook = m.EnableOrderBook,
        TickSize = m.TickSize,
        MinOrderSize = m.MinOrderSize,
    };

    /// <summary><c>POST /books</c> in batches of 500, parsed into domain books by token id.</summary>
    private static async Task<Dictionary<string, OrderBook>> BooksAsync(SampleHarness harness, IEnumerable<string> tokens)
    {
        var books = new Dictionary<string, OrderBook>(StringComparer.Ordinal);
        foreach (var batch in tokens.Chunk(500))
        {
            using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), batch.Select(t => new { token_id = t }));
            response.EnsureSuccessStatusCode();
            foreach (var node in JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())
            {
                var token = node!["asset_id"]!.GetValue<string>();
                books[token] = OrderBook.Create(TokenId.Create(token), ConditionId.Create(node["market"]!.GetValue<string>()), Levels(node["bids"]), Levels(node["asks"])) with
                {
                    TickSize = Paging.Dec(node["tick_size"]),
                    MinOrderSize = Paging.Dec(node["min_order_size"]),
                    LastTradePrice = Paging.Dec(node["last_trade_price"]),
                };
            }
        }

        return books;
    }

    private static IEnumerable<BookLevel> Levels(JsonNode? side) =>
        side!.AsArray().Select(l => new BookLevel(Paging.Dec(l!["price"]), Paging.Dec(l["size"]))).ToArray();
}
