using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;
using Prescient.Storage.Files.Trading;
using Prescient.Testing.Fakes;

namespace Prescient.Storage.Files.Tests.Trading;

public sealed class FileTradingStoreTests : DataFolderTest
{
    private readonly RecordingLogger<FileTradingStore> _logger = new();

    public FileTradingStoreTests() => Trading = new FileTradingStore(Folder, _logger);

    private FileTradingStore Trading { get; }

    [Fact]
    public async Task ReadAsync_NothingWrittenYet_NullAndEmptyLedger()
    {
        Assert.Null(await Trading.ReadSignalsAsync(CancellationToken.None));
        Assert.Null(await Trading.ReadPortfolioAsync(CancellationToken.None));
        Assert.Empty(await Trading.Ledger.ReadAllAsync(CancellationToken.None));
        Assert.Equal("[\n]\n", await File.ReadAllTextAsync(Folder.PaperTrades));
    }

    [Fact]
    public async Task WriteSignalsAsync_Snapshot_EnvelopeKeysAndRoundTripExact()
    {
        var snapshot = TradingData.Signals(TradingData.Signal(), TradingData.Signal("Will it snow?", 1));

        var path = await Trading.WriteSignalsAsync(snapshot, CancellationToken.None);

        Assert.Equal(Folder.CurrentSignals, path);
        var text = await File.ReadAllTextAsync(path);
        var node = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(
            ["generated_at", "source", "simulated", "strategy", "settings", "count", "signals", "skipped_count", "skipped"],
            node.Select(p => p.Key));
        Assert.Equal("2026-11-25T09:00:00.25Z", (string?)node["generated_at"]);
        Assert.Equal("sample", (string?)node["source"]);
        Assert.True((bool)node["simulated"]!);
        Assert.Equal(2, (int)node["count"]!);
        Assert.Equal("buy_no", (string?)node["signals"]![0]!["action"]);
        Assert.Equal(TestData.NoToken, (string?)node["signals"]![0]!["token_id"]);
        Assert.Equal("spread_too_wide", (string?)node["skipped"]![0]!["reason"]);
        Assert.Equal(1, (int)node["skipped_count"]!);
        Assert.Contains("\"price\": 0.50,", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);

        var back = await Trading.ReadSignalsAsync(CancellationToken.None);

        Assert.NotNull(back);
        Assert.Equal(Json(snapshot), Json(back));
        Assert.Equal(snapshot.Source, back.Source);
        Assert.Equal(snapshot.Signals, back.Signals);
        Assert.Equal(snapshot.Skipped, back.Skipped);
        Assert.Equal("0.50", back.Signals[0].Price.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(snapshot.Settings.OrderBy(p => p.Key), back.Settings.OrderBy(p => p.Key));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    [Theory]
    [InlineData("\"count\": 2", "\"count\": 3", "count says 3 but 2 signals are listed")]
    [InlineData("\"skipped_count\": 1", "\"skipped_count\": 0", "skipped_count says 0 but 1 skipped markets are listed")]
    [InlineData("\"source\": \"sample\"", "\"source\": \" \"", "source is empty")]
    [InlineData("\"action\": \"buy_no\"", "\"action\": \"sell_everything\"", "")]
    public async Task ReadSignalsAsync_FileContradictsItself_InvalidDataNamingFile(string original, string replacement, string reason)
    {
        await Trading.WriteSignalsAsync(TradingData.Signals(TradingData.Signal(), TradingData.Signal("Q2", 1)), CancellationToken.None);
        var text = await File.ReadAllTextAsync(Folder.CurrentSignals);
        Assert.Contains(original, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Folder.CurrentSignals, text.Replace(original, replacement, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Trading.ReadSignalsAsync(CancellationToken.None));

        Assert.StartsWith($"Cannot read {Folder.CurrentSignals}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritePortfolioAsync_Snapshot_EnvelopeKeysAndRoundTripExact()
    {
        var snapshot = TradingData.Portfolio(TradingData.Position(), TradingData.Position("Fallback", MarkSource.Entry) with { MarketId = Domain.Ids.MarketId.Create("1") });

        var path = await Trading.WritePortfolioAsync(snapshot, CancellationToken.None);

        Assert.Equal(Folder.Portfolio, path);
        var text = await File.ReadAllTextAsync(path);
        var node = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(
            ["generated_at", "source", "simulated", "initial_cash", "cash", "positions_value", "equity", "realized_pnl", "unrealized_pnl",
             "exposure", "fees_paid", "trade_count", "last_trade_id", "positions"],
            node.Select(p => p.Key));
        Assert.Equal("live", (string?)node["source"]);
        Assert.False((bool)node["simulated"]!);
        Assert.Equal("T000001", (string?)node["last_trade_id"]);
        Assert.Equal("best_bid", (string?)node["positions"]![0]!["mark_source"]);
        Assert.Equal("entry", (string?)node["positions"]![1]!["mark_source"]);
        Assert.Contains("\"realized_pnl\": 0.00,", text, StringComparison.Ordinal);
        Assert.Contains("\"unrealized_pnl\": -12.5,", text, StringComparison.Ordinal);

        var back = await Trading.ReadPortfolioAsync(CancellationToken.None);

        Assert.NotNull(back);
        Assert.Equal(Json(snapshot), Json(back));
        Assert.Equal(snapshot.Positions, back.Positions);
        Assert.Equal(snapshot with { Positions = back.Positions }, back);
        Assert.Equal("10000.00", back.InitialCash.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(["Wrote the portfolio (2 open positions after 1 ledger records) to " + path], _logger.Messages);
    }

    [Fact]
    public async Task WritePortfolioAsync_NoTradesYet_NullLastTradeIdRoundTrips()
    {
        var snapshot = TradingData.Portfolio() with { TradeCount = 0, LastTradeId = null };

        await Trading.WritePortfolioAsync(snapshot, CancellationToken.None);
        var back = await Trading.ReadPortfolioAsync(CancellationToken.None);

        Assert.Contains("\"last_trade_id\": null", await File.ReadAllTextAsync(Folder.Portfolio), StringComparison.Ordinal);
        Assert.Equal(snapshot with { Positions = back!.Positions }, back);
        Assert.Empty(back.Positions);
    }

    [Fact]
    public async Task Ledger_EveryKind_RoundTripsExactlyAcrossInstances()
    {
        Trade[] trades =
        [
            TradingData.Trade(1, TradeKind.Buy),
            TradingData.Trade(2, TradeKind.Sell),
            TradingData.Trade(3, TradeKind.Settlement),
        ];
        foreach (var trade in trades)
        {
            await Trading.Ledger.AppendAsync(trade, CancellationToken.None);
        }

        var back = await new FileTradingStore(Folder).Ledger.ReadAllAsync(CancellationToken.None);

        Assert.Equal(trades, back);
        Assert.Equal(trades.Select(Json), back.Select(Json));
        var lines = await File.ReadAllLinesAsync(Folder.PaperTrades);
        Assert.Equal(5, lines.Length);
        Assert.Contains("\"kind\":\"settlement\"", lines[3], StringComparison.Ordinal);
        Assert.Contains("\"signal_id\":null", lines[3], StringComparison.Ordinal);
        Assert.Contains("\"signal_id\":\"20261125-559659-buy_no\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"realized_pnl\":-12.5,", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("cash_delta", lines[1], StringComparison.Ordinal);
        Assert.Equal("0.50", back[0].Price.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("\"signal_price\":0.480,\"drift\":0.020,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_BuyRecordedBeforeSignalPriceWasKept_ReadsWithNullSignalPriceAndDrift()
    {
        Directory.CreateDirectory(Folder.TradesDirectory);
        await File.WriteAllTextAsync(
            Folder.PaperTrades,
            "[\n{\"trade_id\":\"T000001\",\"signal_id\":\"20261125-559658-buy_no\",\"executed_at\":\"2026-11-25T09:00:00Z\",\"kind\":\"buy\",\"event_id\":\"1\","
            + "\"market_id\":\"559658\",\"condition_id\":\"0x3\",\"token_id\":\"4\",\"outcome\":\"No\",\"question\":\"Q?\",\"shares\":10,\"price\":0.5,\"cost\":5,"
            + "\"fees\":0,\"cash_after\":9995,\"best_price\":0.5,\"slippage\":0,\"book_timestamp\":null,\"realized_pnl\":null,\"source\":\"sample\"}\n]\n");

        var back = Assert.Single(await new FileTradingStore(Folder).Ledger.ReadAllAsync(CancellationToken.None));

        Assert.Null(back.SignalPrice);
        Assert.Null(back.Drift);
        Assert.Equal(0.5m, back.BestPrice?.Value);
        Assert.Equal(9995m, back.CashAfter.Value);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PrescientJson.Options);
}
