using System.Globalization;
using System.Net;
using System.Text;
using Prescient.Domain.Trading;
using Prescient.Engine.Reports;

namespace Prescient.Reports;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, the charts as <c>data:</c> PNGs, no
/// script and no external reference, so it reads offline and survives being mailed. Every string
/// from the data (market titles come from the internet) is HTML-encoded.
/// </summary>
public static class ReportHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string Style = """
        body{font-family:-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;margin:0;background:#f3f4f6;color:#111827}
        main{max-width:1040px;margin:0 auto;padding:24px}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
        .sub{color:#6b7280;margin:0 0 20px}
        .badge{display:inline-block;padding:2px 8px;border-radius:10px;font-size:12px;font-weight:600;vertical-align:middle}
        .simulated{background:#fef3c7;color:#92400e}.live{background:#dcfce7;color:#166534}
        .cards{display:flex;flex-wrap:wrap;gap:12px}
        .card{background:#fff;border-radius:8px;padding:12px 16px;min-width:140px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
        .card .k{font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:.04em}.card .v{font-size:20px;font-weight:600;margin-top:4px}
        img{max-width:100%;height:auto;background:#fff;border-radius:8px;margin:6px 0}
        table{border-collapse:collapse;width:100%;background:#fff;border-radius:8px;font-size:13px}
        th,td{padding:6px 8px;border-bottom:1px solid #e5e7eb;text-align:left}th{background:#f9fafb;font-weight:600}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .pos{color:#15803d}.neg{color:#b91c1c}.flag{color:#b45309}
        footer{color:#6b7280;font-size:12px;margin-top:28px}
        """;

    /// <summary>The page for <paramref name="report"/> with <paramref name="charts"/> (name → PNG bytes) inline.</summary>
    public static string Render(TradingReport report, IReadOnlyDictionary<string, byte[]> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new StringBuilder(64 * 1024);
        var portfolio = report.Portfolio;
        var summary = report.Performance.Summary;
        var date = report.Date.ToString("yyyy-MM-dd", Invariant);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>Prescient report ").Append(date).Append("</title><style>").Append(Style).Append("</style></head><body><main>\n");
        html.Append("<h1>Prescient report, ").Append(date).Append(' ')
            .Append("<span class=\"badge ").Append(report.Source.IsSimulated ? "simulated" : "live").Append("\">")
            .Append(Text(report.Source.Label)).Append("</span></h1>\n")
            .Append("<p class=\"sub\">Paper trading on ").Append(Text(report.Source.IsSimulated ? "the simulated sample market" : "live Polymarket prices"))
            .Append(". Portfolio as of ").Append(Text(Instant(portfolio.GeneratedAt))).Append(", ")
            .Append(summary.Days.ToString(Invariant)).Append(" recorded days")
            .Append(summary.From is { } from ? $" ({from.ToString("yyyy-MM-dd", Invariant)} to {summary.To!.Value.ToString("yyyy-MM-dd", Invariant)})" : string.Empty)
            .Append(".</p>\n");

        html.Append("<div class=\"cards\">");
        Card(html, "Equity", Money(portfolio.Equity));
        Card(html, "Cash", Money(portfolio.Cash));
        Card(html, "Return", Percent(summary.TotalReturn ?? (portfolio.InitialCash == 0m ? null : (portfolio.Equity / portfolio.InitialCash) - 1m)));
        Card(html, "Realized P&L", Money(portfolio.RealizedPnl));
        Card(html, "Unrealized P&L", Money(portfolio.UnrealizedPnl));
        Card(html, "Max drawdown", Percent(summary.MaxDrawdown));
        Card(html, "Win rate", Percent(summary.WinRate));
        Card(html, "Brier score", summary.BrierScore?.ToString("0.0000", Invariant) ?? "–");
        Card(html, "Ledger records", report.LedgerRecords.ToString("N0", Invariant));
        Card(html, "Settled positions", summary.SettledPositions.ToString("N0", Invariant));
        Card(html, "Open positions", portfolio.Positions.Count.ToString("N0", Invariant));
        Card(html, "Fees paid", Money(portfolio.FeesPaid));
        html.Append("</div>\n");

        html.Append("<h2>Charts</h2>\n");
        foreach (var (name, alt) in new[] { (ReportCharts.Equity, "Equity curve"), (ReportCharts.Drawdown, "Drawdown"), (ReportCharts.PnlByMarket, "P&L by market"), (ReportCharts.Calibration, "Calibration") })
        {
            if (charts.TryGetValue(name, out var png))
            {
                html.Append("<img alt=\"").Append(Text(alt)).Append("\" width=\"").Append(ReportCharts.Width.ToString(Invariant))
                    .Append("\" height=\"").Append(ReportCharts.Height.ToString(Invariant)).Append("\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(png)).Append("\">\n");
            }
        }

        Positions(html, report);
        PnlByMarket(html, report);
        Calibration(html, report);
        Trades(html, report);
        html.Append("<footer>Generated ").Append(Text(Instant(report.GeneratedAt)))
            .Append(" by Prescient from the data folder's JSON state (portfolio.json, portfolio_history.json, paper_trades.json). Paper trading only: no order was sent to any exchange.</footer>\n")
            .Append("</main></body></html>\n");
        return html.ToString();
    }

    private static void Positions(StringBuilder html, TradingReport report)
    {
        html.Append("<h2>Open positions</h2>\n");
        if (report.Portfolio.Positions.Count == 0)
        {
            html.Append("<p>No open position.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th>Market</th><th>Outcome</th><th class=\"n\">Shares</th><th class=\"n\">Entry</th><th class=\"n\">Mark</th><th>Mark source</th><th class=\"n\">Value</th><th class=\"n\">Unrealized</th></tr></thead><tbody>\n");
        foreach (var p in report.Portfolio.Positions.OrderByDescending(p => p.MarketValue))
        {
            html.Append("<tr><td>").Append(Text(p.Question ?? p.MarketId.Value)).Append("</td><td>").Append(Text(p.Outcome ?? string.Empty))
                .Append("</td><td class=\"n\">").Append(p.Shares.ToString("N2", Invariant))
                .Append("</td><td class=\"n\">").Append(p.AverageEntryPrice.ToString("0.0000", Invariant))
                .Append("</td><td class=\"n\">").Append(p.Mark.ToString("0.0000", Invariant))
                .Append("</td><td>").Append(Text(SnakeCase(p.MarkSource.ToString())));
            if (p.MarkFlag is not null || p.LookupProblem is not null)
            {
                html.Append(" <span class=\"flag\">(").Append(Text(p.MarkFlag ?? "lookup problem: " + p.LookupProblem)).Append(")</span>");
            }

            html.Append("</td><td class=\"n\">").Append(Money(p.MarketValue))
                .Append("</td><td class=\"n ").Append(Sign(p.UnrealizedPnl)).Append("\">").Append(Money(p.UnrealizedPnl)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void PnlByMarket(StringBuilder html, TradingReport report)
    {
        html.Append("<h2>P&amp;L by market</h2>\n");
        if (report.PnlByMarket.Count == 0)
        {
            html.Append("<p>No trade yet.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th>Market</th><th class=\"n\">Records</th><th class=\"n\">Fees</th><th class=\"n\">Realized</th><th class=\"n\">Unrealized</th><th class=\"n\">Total</th></tr></thead><tbody>\n");
        foreach (var m in report.PnlByMarket)
        {
            html.Append("<tr><td>").Append(Text(m.Question)).Append("</td><td class=\"n\">").Append(m.Trades.ToString(Invariant))
                .Append("</td><td class=\"n\">").Append(Money(m.Fees))
                .Append("</td><td class=\"n ").Append(Sign(m.Realized)).Append("\">").Append(Money(m.Realized))
                .Append("</td><td class=\"n ").Append(Sign(m.Unrealized)).Append("\">").Append(Money(m.Unrealized))
                .Append("</td><td class=\"n ").Append(Sign(m.Total)).Append("\">").Append(Money(m.Total)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Calibration(StringBuilder html, TradingReport report)
    {
        html.Append("<h2>Calibration</h2>\n<table><thead><tr><th>Entry price</th><th class=\"n\">Settled positions</th><th class=\"n\">Won</th><th class=\"n\">Mean entry</th><th class=\"n\">Mean outcome</th></tr></thead><tbody>\n");
        foreach (var b in report.Performance.Calibration)
        {
            html.Append("<tr><td>").Append(b.From.ToString("0.0", Invariant)).Append("–").Append(b.To.ToString("0.0", Invariant))
                .Append("</td><td class=\"n\">").Append(b.Positions.ToString(Invariant))
                .Append("</td><td class=\"n\">").Append(b.Wins.ToString(Invariant))
                .Append("</td><td class=\"n\">").Append(b.MeanEntryPrice?.ToString("0.0000", Invariant) ?? "–")
                .Append("</td><td class=\"n\">").Append(b.MeanOutcome?.ToString("0.0000", Invariant) ?? "–").Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Trades(StringBuilder html, TradingReport report)
    {
        html.Append("<h2>Recent ledger records</h2>\n");
        if (report.RecentTrades.Count == 0)
        {
            html.Append("<p>The ledger is empty.</p>\n");
            return;
        }

        html.Append("<p class=\"sub\">The last ").Append(report.RecentTrades.Count.ToString(Invariant)).Append(" of ")
            .Append(report.LedgerRecords.ToString("N0", Invariant)).Append(", newest first.</p>\n")
            .Append("<table><thead><tr><th>Time (UTC)</th><th>Kind</th><th>Market</th><th>Outcome</th><th class=\"n\">Shares</th><th class=\"n\">Price</th><th class=\"n\">Cost</th><th class=\"n\">Fees</th><th class=\"n\">Slippage</th><th class=\"n\">Realized</th></tr></thead><tbody>\n");
        foreach (var t in report.RecentTrades)
        {
            html.Append("<tr><td>").Append(Text(Instant(t.ExecutedAt))).Append("</td><td>").Append(Text(SnakeCase(t.Kind.ToString())))
                .Append("</td><td>").Append(Text(t.Question ?? t.MarketId.Value)).Append("</td><td>").Append(Text(t.Outcome ?? string.Empty))
                .Append("</td><td class=\"n\">").Append(t.Shares.Value.ToString("N2", Invariant))
                .Append("</td><td class=\"n\">").Append(t.Price.Value.ToString("0.0000", Invariant))
                .Append("</td><td class=\"n\">").Append(Money(t.Cost.Value))
                .Append("</td><td class=\"n\">").Append(Money(t.Fees.Value))
                .Append("</td><td class=\"n\">").Append(t.Slippage is { } slip ? Money(slip.Value) : "–")
                .Append("</td><td class=\"n ").Append(Sign(t.RealizedPnl?.Value ?? 0m)).Append("\">")
                .Append(t.RealizedPnl is { } pnl ? Money(pnl.Value) : (t.Kind == TradeKind.Buy ? string.Empty : "–")).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"card\"><div class=\"k\">").Append(Text(label)).Append("</div><div class=\"v\">").Append(Text(value)).Append("</div></div>");

    private static string Text(string value) => WebUtility.HtmlEncode(value);

    private static string Money(decimal value) => value.ToString("#,##0.00;-#,##0.00", Invariant);

    private static string Percent(decimal? ratio) => ratio is { } r ? (r * 100m).ToString("0.00", Invariant) + " %" : "–";

    private static string Sign(decimal value) => value > 0m ? "pos" : value < 0m ? "neg" : string.Empty;

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant);

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
