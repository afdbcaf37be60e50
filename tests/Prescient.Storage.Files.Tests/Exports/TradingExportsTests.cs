using System.Globalization;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;

namespace Prescient.Storage.Files.Tests.Exports;

public sealed class TradingExportsTests : DataFolderTest
{
    [Fact]
    public async Task ExportSignals_HostileText_StableHeaderNeutralisedTextIdsAsTextNumbersInvariant()
    {
        var signals = CsvFiles.Hostile
            .Select((text, i) => TradingData.Signal(text, i) with { EventTitle = text, Reason = text, Confidence = -0.015m })
            .ToArray();

        var path = await WithCommaCultureAsync(() => Exporter.ExportSignalsAsync(TradingData.Signals(signals), CancellationToken.None));

        var table = CsvFiles.Read(path);
        Assert.Equal(Path.Combine(Folder.ExportsDirectory, "signals_current.csv"), path);
        Assert.Equal(
            ["signal_id", "created_at", "strategy", "event_id", "event_title", "market_id", "condition_id", "token_id", "question", "outcome",
             "action", "stake", "price", "limit_price", "yes_price", "yes_price_source", "confidence", "reason", "source"],
            table.Header);
        Assert.Equal(CsvFiles.Neutralised, table.Column("question"));
        Assert.Equal(CsvFiles.Neutralised, table.Column("event_title"));
        Assert.Equal(CsvFiles.Neutralised, table.Column("reason"));
        Assert.All(table.Column("token_id"), cell => Assert.Equal(TestData.NoToken, cell));
        Assert.All(table.Column("action"), cell => Assert.Equal("buy_no", cell));
        Assert.All(table.Column("price"), cell => Assert.Equal("0.50", cell));
        Assert.All(table.Column("stake"), cell => Assert.Equal("100.00", cell));
        Assert.All(table.Column("confidence"), cell => Assert.Equal("-0.015", cell));
        Assert.All(table.Column("created_at"), cell => Assert.Equal("2026-11-25T09:00:00.25Z", cell));
        Assert.All(table.Column("source"), cell => Assert.Equal("simulated", cell));
        Assert.Equal("20261125-559657-buy_no", table.Column("signal_id")[0]);
        Assert.All(table.Rows, row => Assert.Equal(table.Header.Count, row.Length));
        Assert.Contains("," + TestData.NoToken + ",", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportTrades_EveryKindAndHostileText_StableHeaderNegativePnlAndEmptyCellsForNulls()
    {
        var trades = CsvFiles.Hostile
            .Select((text, i) => TradingData.Trade(i + 1, (TradeKind)(i % 3), text))
            .ToArray();

        var path = await WithCommaCultureAsync(() => Exporter.ExportTradesAsync(trades, CancellationToken.None));

        var table = CsvFiles.Read(path);
        Assert.Equal(Path.Combine(Folder.ExportsDirectory, "trades_summary.csv"), path);
        Assert.Equal(
            ["trade_id", "signal_id", "executed_at", "kind", "event_id", "market_id", "condition_id", "token_id", "question", "outcome",
             "shares", "price", "cost", "fees", "cash_after", "best_price", "slippage", "signal_price", "drift", "realized_pnl", "book_timestamp", "source"],
            table.Header);
        Assert.Equal(CsvFiles.Neutralised, table.Column("question"));
        Assert.Equal(trades.Select(t => t.TradeId.Value), table.Column("trade_id"));
        Assert.Equal(["buy", "sell", "settlement"], table.Column("kind").Take(3));
        Assert.Equal(["", "-12.5", "-12.5"], table.Column("realized_pnl").Take(3));
        Assert.Equal(["20261125-559658-buy_no", "20261125-559659-buy_no", ""], table.Column("signal_id").Take(3));
        Assert.Equal(["0.500", "0.500", ""], table.Column("best_price").Take(3));
        Assert.Equal(["0.480", "", ""], table.Column("signal_price").Take(3));
        Assert.Equal(["0.020", "", ""], table.Column("drift").Take(3));
        Assert.Equal(["2026-11-25T09:00:00.25Z", "2026-11-25T09:00:01.25Z", ""], table.Column("book_timestamp").Take(3));
        Assert.Equal(["0.50", "0.50", "1.0"], table.Column("price").Take(3));
        Assert.Equal("9900.00", table.Column("cash_after")[0]);
        Assert.All(table.Column("token_id"), cell => Assert.Equal(TestData.NoToken, cell));
        Assert.All(table.Rows, row => Assert.Equal(table.Header.Count, row.Length));
    }

    [Fact]
    public async Task ExportTrades_EmptyLedger_HeaderOnly()
    {
        var path = await Exporter.ExportTradesAsync([], CancellationToken.None);

        var table = CsvFiles.Read(path);
        Assert.Equal(22, table.Header.Count);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public async Task ExportPositions_HostileTextAndFallbackMarks_StableHeaderCodesAndNegativePnl()
    {
        var positions = CsvFiles.Hostile
            .Select((text, i) => TradingData.Position(text, (MarkSource)(i % 5)) with { MarketId = Domain.Ids.MarketId.Create((i + 1).ToString(CultureInfo.InvariantCulture)) })
            .ToArray();

        var path = await WithCommaCultureAsync(() => Exporter.ExportPositionsAsync(TradingData.Portfolio(positions), CancellationToken.None));

        var table = CsvFiles.Read(path);
        Assert.Equal(Path.Combine(Folder.ExportsDirectory, "positions_current.csv"), path);
        Assert.Equal(
            ["event_id", "market_id", "condition_id", "token_id", "question", "outcome", "shares", "average_entry_price", "cost_basis", "fees",
             "opened_at", "mark", "mark_source", "mark_flag", "marked_at", "market_value", "unrealized_pnl", "lookup_problem", "source"],
            table.Header);
        Assert.Equal(CsvFiles.Neutralised, table.Column("question"));
        Assert.Equal(["best_bid", "last_trade", "gamma_price", "resolution_pending", "entry"], table.Column("mark_source").Take(5));
        Assert.Equal(["2026-11-25T09:05:00.25Z", "2026-11-25T09:05:00.25Z", "2026-11-25T09:05:00.25Z", "2026-11-25T09:05:00.25Z", ""], table.Column("marked_at").Take(5));
        Assert.All(table.Column("unrealized_pnl"), cell => Assert.Equal("-12.5", cell));
        Assert.All(table.Column("shares"), cell => Assert.Equal("196.078431", cell));
        Assert.All(table.Column("average_entry_price"), cell => Assert.Equal("0.500000", cell));
        Assert.All(table.Column("token_id"), cell => Assert.Equal(TestData.NoToken, cell));
        Assert.All(table.Column("source"), cell => Assert.Equal("live", cell));
        Assert.All(table.Rows, row => Assert.Equal(table.Header.Count, row.Length));
    }

    /// <summary>Runs <paramref name="export"/> with a comma decimal separator and a Unicode minus as the current culture.</summary>
    private static async Task<string> WithCommaCultureAsync(Func<Task<string>> export)
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CsvFiles.CommaCulture();
        try
        {
            Assert.Equal("\u221212,5", (-12.5m).ToString(CultureInfo.CurrentCulture));
            return await export();
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
