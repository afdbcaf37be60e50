using System.Globalization;
using Prescient.Engine.Performance;
using Prescient.Storage.Files.Tests.History;

namespace Prescient.Storage.Files.Tests.Exports;

public sealed class HistoryExportsTests : DataFolderTest
{
    [Fact]
    public async Task ExportPortfolioHistory_HostileSourceAndCommaCulture_StableHeaderNeutralisedTextInvariantNumbers()
    {
        var days = CsvFiles.Hostile.Select((text, i) => HistoryData.Day(i, source: text)).ToArray();

        var path = await WithCommaCultureAsync(() => Exporter.ExportPortfolioHistoryAsync(days, CancellationToken.None));

        var table = CsvFiles.Read(path);
        Assert.Equal(Path.Combine(Folder.ExportsDirectory, "portfolio_history.csv"), path);
        Assert.Equal(
            ["date", "recorded_at", "cash", "positions_value", "equity", "realized_pnl", "unrealized_pnl", "exposure", "fees_paid",
             "open_positions", "trade_count", "last_trade_id", "source"],
            table.Header);
        Assert.Equal(CsvFiles.Neutralised, table.Column("source"));
        Assert.Equal(["2026-11-25", "2026-11-26", "2026-11-27"], table.Column("date").Take(3));
        Assert.Equal("2026-11-25T18:00:00.5Z", table.Column("recorded_at")[0]);
        Assert.Equal(["9800.00", "9799.00"], table.Column("cash").Take(2));
        Assert.Equal(["0.00", "-1.25", "-2.50"], table.Column("realized_pnl").Take(3));
        Assert.Equal(["", "T000003"], table.Column("last_trade_id").Take(2));
        Assert.All(table.Column("fees_paid"), cell => Assert.Equal("1.9607845", cell));
        Assert.All(table.Rows, row => Assert.Equal(table.Header.Count, row.Length));
    }

    [Fact]
    public async Task ExportPerformance_NegativeRatiosAndUndefinedOnes_StableHeaderInvariantNumbersEmptyCells()
    {
        PerformanceDay[] days =
        [
            Row(HistoryData.FirstDay) with { DailyReturn = null, WinRate = null, BrierScore = null },
            Row(HistoryData.FirstDay.AddDays(1)) with { DailyReturn = -0.012345m, Drawdown = -0.02m, MaxDrawdown = -0.02m },
        ];

        var path = await WithCommaCultureAsync(() => Exporter.ExportPerformanceAsync(days, CancellationToken.None));

        var table = CsvFiles.Read(path);
        Assert.Equal(Path.Combine(Folder.ExportsDirectory, "performance_daily.csv"), path);
        Assert.Equal(
            ["date", "equity", "cash", "positions_value", "daily_return", "cumulative_return", "realized_pnl", "unrealized_pnl", "drawdown",
             "max_drawdown", "trades", "open_positions", "settled_positions", "win_rate", "brier_score"],
            table.Header);
        Assert.Equal(["2026-11-25", "2026-11-26"], table.Column("date"));
        Assert.Equal(["", "-0.012345"], table.Column("daily_return"));
        Assert.Equal(["0", "-0.02"], table.Column("drawdown"));
        Assert.Equal(["", "0.5"], table.Column("win_rate"));
        Assert.Equal(["", "0.1225"], table.Column("brier_score"));
        Assert.Equal(["10010.50", "10010.50"], table.Column("equity"));
        Assert.Equal(["3", "3"], table.Column("trades"));
        Assert.All(table.Rows, row => Assert.Equal(table.Header.Count, row.Length));
    }

    [Fact]
    public async Task ExportHistoryAndPerformance_NoEndOfDayYet_HeaderOnly()
    {
        var history = CsvFiles.Read(await Exporter.ExportPortfolioHistoryAsync([], CancellationToken.None));
        var performance = CsvFiles.Read(await Exporter.ExportPerformanceAsync([], CancellationToken.None));

        Assert.Equal(13, history.Header.Count);
        Assert.Empty(history.Rows);
        Assert.Equal(15, performance.Header.Count);
        Assert.Empty(performance.Rows);
    }

    private static PerformanceDay Row(DateOnly date) => new()
    {
        Date = date,
        Equity = 10_010.50m,
        Cash = 9_800.00m,
        PositionsValue = 210.50m,
        DailyReturn = 0.00105m,
        CumulativeReturn = 0.00105m,
        RealizedPnl = -1.25m,
        UnrealizedPnl = 8.4607845m,
        Drawdown = 0m,
        MaxDrawdown = 0m,
        Trades = 3,
        OpenPositions = 2,
        SettledPositions = 2,
        WinRate = 0.5m,
        BrierScore = 0.1225m,
    };

    private static async Task<string> WithCommaCultureAsync(Func<Task<string>> export)
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CsvFiles.CommaCulture();
        try
        {
            return await export();
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
