using System.Globalization;
using System.Text.Json;
using Prescient.Domain.History;
using Prescient.Engine.Backtest;
using Prescient.Engine.Exits;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Backtests;

/// <summary>
/// The report files of a backtest under <c>backtests/</c>: <c>backtest_FROM_TO_STRATEGY.json</c> (inputs,
/// summary, calibration, P&amp;L groups, rejections) and, beside it, <c>…_trades.csv</c> (every record with
/// its fill model and, for a sell, the exit rule that made it), <c>…_equity.csv</c> (one row per day) and <c>…_summary.csv</c> (one row per figure).
/// Same run, same bytes, but for <c>generated_at</c>.
/// </summary>
public sealed class BacktestFiles(DataFolder folder) : IBacktestReports
{
    public async Task<IReadOnlyList<string>> WriteAsync(BacktestResult result, BacktestSummary summary, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(summary);
        var directory = Path.Combine(folder.Root, "backtests");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, Stem(result));
        var json = stem + ".json";
        var trades = stem + "_trades.csv";
        var equity = stem + "_equity.csv";
        var figures = stem + "_summary.csv";
        await JsonFile.WriteAsync(json, Document(result, summary, generatedAt), cancellationToken).ConfigureAwait(false);
        await CsvTable.WriteAsync(trades, BacktestColumns.Trades, result.Trades, cancellationToken).ConfigureAwait(false);
        await CsvTable.WriteAsync(equity, BacktestColumns.Days, result.Days, cancellationToken).ConfigureAwait(false);
        await CsvTable.WriteAsync(figures, ["figure", "value"], Figures(summary).Select(f => (IEnumerable<string>)[f.Name, f.Value]), cancellationToken).ConfigureAwait(false);
        return [json, trades, equity, figures];
    }

    /// <summary><c>backtest_YYYY-MM-DD_YYYY-MM-DD_strategy</c>, the strategy name reduced to letters, digits, '-' and '_'.</summary>
    public static string Stem(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var strategy = new string([.. result.Strategy.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return string.Create(CultureInfo.InvariantCulture, $"backtest_{result.Request.From:yyyy-MM-dd}_{result.Request.To:yyyy-MM-dd}_{strategy}");
    }

    private static object Document(BacktestResult result, BacktestSummary summary, DateTimeOffset generatedAt) => new
    {
        generated_at = generatedAt,
        source = result.Source,
        simulated = result.Source == "sample",
        from = result.Request.From,
        to = result.Request.To,
        step = result.Step,
        history = result.History,
        strategy = result.Strategy,
        settings = result.StrategySettings.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
        book_model = result.Fills == FillModel.Synthetic
            ? new
            {
                fill_model = FillModel.Synthetic,
                half_spread = result.Options.HalfSpread,
                level_shares = result.Options.LevelShares,
                levels = result.Options.Levels,
                max_price_age = result.Options.MaxPriceAge,
            }
            : (object)new { fill_model = result.Fills },
        markets = result.Markets.Count,
        tokens_without_market = result.TokensWithoutMarket,
        steps = result.Steps,
        points = result.PointsPassed,
        market_evaluations = result.MarketEvaluations,
        signals = result.Signals,
        rejections = result.Rejections.OrderBy(r => r.Key).ToDictionary(r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.Key.ToString()), r => r.Value),
        summary,
        trade_count = result.Trades.Count,
        days = result.Days.Count,
    };

    private static IEnumerable<(string Name, string Value)> Figures(BacktestSummary s)
    {
        yield return ("initial_cash", CsvCell.Number(s.InitialCash));
        yield return ("final_equity", CsvCell.Number(s.FinalEquity));
        yield return ("total_return", CsvCell.Number(s.TotalReturn));
        yield return ("cagr", CsvCell.Number(s.Cagr));
        yield return ("max_drawdown", CsvCell.Number(s.MaxDrawdown));
        yield return ("max_drawdown_days", CsvCell.Number(s.MaxDrawdownDays));
        yield return ("sharpe", CsvCell.Number(s.Sharpe));
        yield return ("sortino", CsvCell.Number(s.Sortino));
        yield return ("win_rate", CsvCell.Number(s.WinRate));
        yield return ("profit_factor", CsvCell.Number(s.ProfitFactor));
        yield return ("expectancy", CsvCell.Number(s.Expectancy));
        yield return ("exposure", CsvCell.Number(s.Exposure));
        yield return ("turnover", CsvCell.Number(s.Turnover));
        yield return ("fees_paid", CsvCell.Number(s.FeesPaid));
        yield return ("slippage_paid", CsvCell.Number(s.SlippagePaid));
        yield return ("brier_score", CsvCell.Number(s.BrierScore));
        yield return ("log_loss", CsvCell.Number(s.LogLoss));
        yield return ("days", CsvCell.Number(s.Days));
        yield return ("buys", CsvCell.Number(s.Buys));
        yield return ("sells", CsvCell.Number(s.Sells));
        foreach (var (code, count) in s.Exits)
        {
            yield return ("exits_" + code, CsvCell.Number(count));
        }

        yield return ("settlements", CsvCell.Number(s.Settlements));
        yield return ("open_positions", CsvCell.Number(s.OpenPositions));
        foreach (var b in s.Calibration)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"calibration_{b.From:0.0}_{b.To:0.0}");
            yield return (name + "_positions", CsvCell.Number(b.Positions));
            yield return (name + "_mean_outcome", CsvCell.Number(b.MeanOutcome));
        }

        foreach (var g in s.ByCategory)
        {
            yield return ("pnl_category_" + g.Key, CsvCell.Number(g.RealizedPnl));
        }

        foreach (var g in s.ByMonth)
        {
            yield return ("pnl_month_" + g.Key, CsvCell.Number(g.RealizedPnl));
        }
    }
}

/// <summary>The columns of the backtest CSVs.</summary>
internal static class BacktestColumns
{
    public static IReadOnlyList<CsvColumn<BacktestTrade>> Trades { get; } =
    [
        .. TradeColumns.All.Select(c => new CsvColumn<BacktestTrade>(c.Name, t => c.Cell(t.Trade))),
        new("fill_model", t => CsvCell.Text(t.FillModel)),
        new("exit_rule", t => t.Trade.Kind == Domain.Trading.TradeKind.Sell && ExitIds.ReasonOf(t.Trade.SignalId) is { } rule ? CsvCell.Text(ExitIds.Code(rule)) : string.Empty),
    ];

    public static IReadOnlyList<CsvColumn<PortfolioDay>> Days { get; } =
    [
        new("date", d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("equity", d => CsvCell.Number(d.Equity)),
        new("cash", d => CsvCell.Number(d.Cash)),
        new("positions_value", d => CsvCell.Number(d.PositionsValue)),
        new("realized_pnl", d => CsvCell.Number(d.RealizedPnl)),
        new("unrealized_pnl", d => CsvCell.Number(d.UnrealizedPnl)),
        new("exposure", d => CsvCell.Number(d.Exposure)),
        new("fees_paid", d => CsvCell.Number(d.FeesPaid)),
        new("open_positions", d => CsvCell.Number(d.OpenPositions)),
        new("trade_count", d => CsvCell.Number(d.TradeCount)),
    ];
}
