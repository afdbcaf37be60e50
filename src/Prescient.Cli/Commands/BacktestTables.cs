using System.Globalization;
using Prescient.Engine.Backtest;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>The terminal tables of <c>prescient backtest</c>.</summary>
internal static class BacktestTables
{
    public static void Render(IAnsiConsole console, BacktestResult r, BacktestSummary s)
    {
        var simulated = r.Source == "sample" ? " (sample market: simulated)" : string.Empty;
        var table = new Table().Title($"Backtest {r.Request.From:yyyy-MM-dd} to {r.Request.To:yyyy-MM-dd}, {r.Strategy}{simulated}")
            .AddColumn("What").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("History", r.Fills == FillModel.Synthetic
            ? $"{r.History}, {r.Markets.Count:N0} markets, step {r.Step}"
            : $"{r.History}, {r.Markets.Count:N0} markets, the recorded run's steps (each cycle and end of day)");
        table.AddRow("Fills", r.Fills == FillModel.Synthetic
            ? $"{FillModel.Synthetic} book (half-spread {N(r.Options.HalfSpread)}, {N(r.Options.LevelShares)} shares × {r.Options.Levels} levels)"
            : $"{r.Fills}: the books the recorded run saw (markets/tape_*.json)");
        table.AddRow("Equity", $"{CliFormat.Usdc(s.InitialCash)} → {CliFormat.Usdc(s.FinalEquity)}");
        table.AddRow("Return / CAGR", $"{P(s.TotalReturn)} / {P(s.Cagr)}");
        table.AddRow("Max drawdown", $"{P(s.MaxDrawdown)} ({s.MaxDrawdownDays} days)");
        table.AddRow("Sharpe / Sortino", $"{N(s.Sharpe)} / {N(s.Sortino)}");
        table.AddRow("Win rate / profit factor", $"{P(s.WinRate)} / {N(s.ProfitFactor)}");
        table.AddRow("Expectancy per position", s.Expectancy is { } e ? CliFormat.Usdc(e) : "—");
        table.AddRow("Exposure / turnover", $"{P(s.Exposure)} / {N(s.Turnover)}");
        table.AddRow("Fees / slippage paid", $"{CliFormat.Usdc(s.FeesPaid)} / {CliFormat.Usdc(s.SlippagePaid)}");
        table.AddRow("Brier / log loss", $"{N(s.BrierScore)} / {N(s.LogLoss)}");
        table.AddRow("Buys / sells / settlements / open", $"{s.Buys:N0} / {s.Sells:N0} / {s.Settlements:N0} / {s.OpenPositions:N0}");
        if (s.Sells > 0)
        {
            table.AddRow("Exits", string.Join(", ", s.Exits.Select(x => $"{x.Key} {x.Value:N0}")));
        }

        table.AddRow("Signals / rejected", $"{r.Signals:N0} / {r.Rejections.Values.Sum():N0} ({string.Join(", ", r.Rejections.OrderBy(x => x.Key).Select(x => $"{CliFormat.Code(x.Key)} {x.Value}"))})");
        table.AddRow("Points replayed", r.PointsPassed.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Duration", r.Duration.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture));
        console.Write(table);
        var months = new Table().Title("Realized P&L by month").AddColumn("Month").AddColumn(new TableColumn("Closed").RightAligned()).AddColumn(new TableColumn("P&L").RightAligned());
        foreach (var g in s.ByMonth)
        {
            months.AddRow(g.Key, g.Closed.ToString("N0", CultureInfo.InvariantCulture), CliFormat.Usdc(g.RealizedPnl));
        }

        console.Write(months);
    }

    private static string N(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";

    private static string P(decimal? value) => value is { } v ? (v * 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—";
}
