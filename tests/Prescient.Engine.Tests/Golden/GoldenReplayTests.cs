using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Settlement;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;

namespace Prescient.Engine.Tests.Golden;

/// <summary>
/// A fixed tape recorded from the sample market (<c>Golden/tape.json</c>: 20 days of extracted
/// markets, quotes and resolution lookups, made by <c>bench record-tape</c>) run day by day through
/// the real signal and execution use-cases with the default strategy and risk settings. The final
/// equity, trade count and a hash of the trade list are checked in (<c>Golden/expected.json</c>):
/// any change to strategy, fills, fees, settlement or the ledger record shows up here.
/// </summary>
public sealed class GoldenReplayTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    [Fact]
    public async Task Replay_RecordedSampleTape_GivesTheCheckedInResult()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "expected.json")))!;

        var actual = await ReplayAsync();

        var summary = $"actual: final_equity {actual.Equity.ToString(CultureInfo.InvariantCulture)}, trade_count {actual.Trades.Count}, trade_list_sha256 {actual.Hash}";
        Assert.True((decimal)expected["final_equity"]! == actual.Equity, summary);
        Assert.True((int)expected["trade_count"]! == actual.Trades.Count, summary);
        Assert.True((string?)expected["trade_list_sha256"] == actual.Hash, summary);
        Assert.Contains(actual.Trades, t => t.Kind == TradeKind.Settlement);
    }

    [Fact]
    public async Task Replay_Twice_IsIdenticalAndKeepsTheCashIdentity()
    {
        var first = await ReplayAsync();
        var second = await ReplayAsync();

        Assert.Equal(first.Hash, second.Hash);
        var buys = first.Trades.Where(t => t.Kind == TradeKind.Buy).Sum(t => t.Cost.Value);
        var fees = first.Trades.Sum(t => t.Fees.Value);
        var sells = first.Trades.Where(t => t.Kind == TradeKind.Sell).Sum(t => t.Cost.Value);
        var payouts = first.Trades.Where(t => t.Kind == TradeKind.Settlement).Sum(t => t.Cost.Value);
        Assert.Equal(new TradingOptions().InitialCash - buys - fees + sells + payouts, first.Cash);
    }

    private static async Task<ReplayResult> ReplayAsync()
    {
        var tape = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Golden", "tape.json")))!;
        var time = new FakeTimeProvider();
        var source = new FakeMarketSource { BatchSize = 500 };
        var marketData = new InMemoryMarketDataStore();
        var trading = new InMemoryTradingStore();
        using var gate = new UseCaseGate();
        var tradingOptions = Options.Create(new TradingOptions());
        var strategy = new ThresholdStrategy(Options.Create(new ThresholdStrategyOptions()));
        var signals = new SignalService(source, marketData, trading, marketData, strategy, tradingOptions, gate, time, NullLogger<SignalService>.Instance);
        var execution = new ExecutionService(
            source, marketData, trading, marketData, new PaperExecutor(tradingOptions, strategy), new SettlementService(source, time, NullLogger<SettlementService>.Instance), tradingOptions, gate, time, NullLogger<ExecutionService>.Instance);
        ExecutionResult? last = null;
        foreach (var day in tape["days"]!.AsArray())
        {
            var at = DateTimeOffset.Parse((string)day!["at"]!, CultureInfo.InvariantCulture);
            time.SetUtcNow(at);
            var quotes = day["quotes"].Deserialize<TokenQuote[]>(Json)!;
            marketData.Markets = new MarketsSnapshot(at, MarketSourceInfo.Sample, day["markets"].Deserialize<MarketRow[]>(Json)!);
            marketData.Quotes = new QuotesSnapshot(at, MarketSourceInfo.Sample, quotes);
            source.Books.Clear();
            foreach (var quote in quotes.Where(q => q.HasBook))
            {
                source.Books[quote.TokenId] = Book(quote);
            }

            source.Lookups.Clear();
            foreach (var lookup in day["lookups"].Deserialize<MarketLookup[]>(Json)!)
            {
                source.Lookups[lookup.Market.Id] = lookup;
            }

            await signals.GenerateAsync(CancellationToken.None);
            last = await execution.ExecuteAsync(CancellationToken.None);
        }

        var lines = trading.Trades.Select(t => JsonSerializer.Serialize(t, Json));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        return new ReplayResult(last!.Portfolio.Equity, last.Portfolio.Cash, trading.Trades, hash);
    }

    private static OrderBook Book(TokenQuote quote) =>
        OrderBook.Create(quote.TokenId, quote.ConditionId, quote.Bids.Select(l => new BookLevel(l.Price, l.Size)), quote.Asks.Select(l => new BookLevel(l.Price, l.Size))) with
        {
            TickSize = quote.TickSize,
            MinOrderSize = quote.MinOrderSize,
            Timestamp = quote.BookTimestamp,
            LastTradePrice = quote.LastTradePrice,
        };

    private sealed record ReplayResult(decimal Equity, decimal Cash, IReadOnlyList<Trade> Trades, string Hash);
}
