using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Backtest;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;
using Prescient.Engine.Extraction;
using Prescient.Testing.Builders;

namespace Prescient.Engine.Tests.Backtest;

/// <summary>
/// The replay's fast paths give what the paths they replace gave: quotes made without books equal, field for
/// field and decimal for decimal (scale included), the quotes made from the synthetic books by
/// <see cref="TokenQuote.From(MarketRow, TokenId, string, Domain.Books.OrderBook?)"/>, and the values the rules read equal those of the quotes; and a strategy asked not to explain its skips
/// gives the same signals and the same skip codes.
/// </summary>
public sealed class BacktestFastPathTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 5, 0, 0, TimeSpan.Zero);

    public static TheoryData<decimal, decimal?, decimal, int> Books => new()
    {
        { 0.50m, 0.01m, 0.01m, 5 },
        { 0.5m, 0.01m, 0.01m, 5 },
        { 0.505m, 0.001m, 0.0035m, 3 },
        { 0.995m, 0.01m, 0.01m, 5 },
        { 0.001m, 0.001m, 0m, 100 },
        { 0.25m, null, 0.02m, 1 },
        { 0.7300m, 0.01m, 0.5m, 4 },
    };

    [Theory]
    [MemberData(nameof(Books))]
    public void Quotes_AnyPriceTickAndBook_EqualTheQuotesOfTheBooks(decimal price, decimal? tick, decimal halfSpread, int levels)
    {
        var model = new SyntheticBookModel(new BacktestOptions { HalfSpread = halfSpread, Levels = levels, LevelShares = 123.40m });
        var row = MarketRows.Binary("e1", "m1", At) with { TickSize = tick, MinOrderSize = 5m };
        var (yes, no) = (row.YesTokenId!.Value, row.NoTokenId!.Value);

        for (var round = 0; round < 2; round++)
        {
            // The second round reads the cached sides.
            var fast = model.Quotes(row, yes, no, price, tick, At);
            var (yesBook, noBook) = model.Books(yes, no, row.ConditionId, price, tick, row.MinOrderSize, At);
            Same(TokenQuote.From(row, yes, "Yes", yesBook), fast.Yes);
            Same(TokenQuote.From(row, no, "No", noBook), fast.No);
        }
    }

    [Theory]
    [MemberData(nameof(Books))]
    public void RuleQuotes_AnyPriceTickAndBook_EqualWhatTheRulesReadOfTheQuotes(decimal price, decimal? tick, decimal halfSpread, int levels)
    {
        var model = new SyntheticBookModel(new BacktestOptions { HalfSpread = halfSpread, Levels = levels, LevelShares = 123.40m });
        var row = MarketRows.Binary("e1", "m1", At) with { TickSize = tick, Outcomes = ["Up", "Down"] };
        var (yes, no) = (row.YesTokenId!.Value, row.NoTokenId!.Value);

        var quotes = model.Quotes(row, yes, no, price, tick, At);
        var values = SyntheticBookModel.RuleQuotes(yes, no, "Up", "Down", model.Sides(price, tick), price);

        Assert.Equal(RuleQuote.From(quotes.Yes), values.Yes);
        Assert.Equal(RuleQuote.From(quotes.No), values.No);
        Assert.Equal(Text(RuleQuote.From(quotes.Yes)), Text(values.Yes));
        Assert.Equal(Text(RuleQuote.From(quotes.No)), Text(values.No));

        // At execution the rules read the fresh books the same way, without making quotes of them.
        var market = row.ToMarket();
        var (yesBook, noBook) = model.Books(yes, no, row.ConditionId, price, tick, row.MinOrderSize, At);
        foreach (var (book, outcome) in new[] { (yesBook, "Up"), (noBook, "Down") })
        {
            var expected = RuleQuote.From(TokenQuote.From(market, book.TokenId, outcome, book));
            var actual = RuleQuote.From(market, book, outcome);
            Assert.Equal(expected with { Asks = [] }, actual with { Asks = [] });
            Assert.Equal(Text(expected), Text(actual));
        }
    }

    [Fact]
    public void ThresholdStrategy_WithoutExplainingSkips_GivesTheSameSignalsAndSkipCodes()
    {
        var model = new SyntheticBookModel(new BacktestOptions());
        var rows = new List<MarketRow>();
        var quotes = new Dictionary<TokenId, TokenQuote>();
        for (var i = 0; i < 60; i++)
        {
            // Three markets an event, prices across the threshold, some closed, some without a quote.
            var row = MarketRows.Binary("e" + (i / 3), "m" + i, At) with { Liquidity = 1_000m + (i % 7), Closed = i % 11 == 0 };
            rows.Add(row);
            if (i % 13 != 0)
            {
                var (y, n) = model.Quotes(row, row.YesTokenId!.Value, row.NoTokenId!.Value, 0.20m + (i * 0.0125m), 0.01m, At);
                quotes[y.TokenId] = y;
                quotes[n.TokenId] = n;
            }
        }

        var portfolio = new Portfolio(Usdc.Create(10_000m));
        var strategy = new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions()));
        var explained = strategy.Generate(new StrategyContext(rows, quotes, portfolio, At));
        var terse = strategy.Generate(new StrategyContext(rows, quotes, portfolio, At) { ExplainSkips = false });

        Assert.NotEmpty(explained.Signals);
        Assert.Equal(explained.Signals, terse.Signals);
        Assert.Equal(explained.Skipped.Select(s => (s.MarketId, s.Reason)), terse.Skipped.Select(s => (s.MarketId, s.Reason)));
        Assert.Superset(new HashSet<SkipReason> { SkipReason.NotTradeable, SkipReason.NoBook, SkipReason.NotSelected, SkipReason.BelowThreshold }, explained.Skipped.Select(s => s.Reason).ToHashSet());
        Assert.All(terse.Skipped, s => Assert.Empty(s.Detail));
    }

    /// <summary>Every field, and every decimal by its text (so 0.5 and 0.50 differ).</summary>
    private static void Same(TokenQuote expected, TokenQuote actual)
    {
        Assert.Equal(expected with { Bids = [], Asks = [] }, actual with { Bids = [], Asks = [] });
        Assert.Equal(Text(expected), Text(actual));
    }

    private static string Text(RuleQuote q) =>
        string.Join(
            "|",
            new[] { q.BestBid, q.BestAsk, q.Mid, q.LastTradePrice, q.TickSize }.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")
                .Concat(q.Asks.Select(l => FormattableString.Invariant($"{l.Price}x{l.Size}"))));

    private static string Text(TokenQuote q) =>
        string.Join(
            "|",
            new[] { q.BestBid, q.BestAsk, q.Mid, q.Spread, q.TickSize, q.MinOrderSize, q.LastTradePrice }.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")
                .Concat(q.Bids.Concat(q.Asks).Select(l => FormattableString.Invariant($"{l.Price}x{l.Size}"))));
}
