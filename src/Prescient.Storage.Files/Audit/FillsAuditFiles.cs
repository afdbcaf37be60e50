using Prescient.Engine.Trading.Audit;
using Prescient.Storage.Files.Exports;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Audit;

/// <summary>
/// The files of <c>prescient fills audit</c>, replaced by each audit: <c>reports/fills_audit.json</c>
/// (the window, the overall and per-market summaries, every fill, the markets whose tape could not be
/// read) and <c>exports/fills_audit.csv</c> (one row per fill, for a spreadsheet).
/// </summary>
internal sealed class FillsAuditFiles(DataFolder folder) : IFillsAuditReports
{
    private static readonly CsvColumn<FillAuditRow>[] Columns =
    [
        new("trade_id", r => CsvCell.Id(r.TradeId)),
        new("market_id", r => CsvCell.Id(r.MarketId)),
        new("question", r => CsvCell.Text(r.Question)),
        new("kind", r => CsvCell.Text(r.Kind.ToString().ToLowerInvariant())),
        new("executed_at", r => CsvCell.Text(r.ExecutedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))),
        new("shares", r => CsvCell.Number(r.Shares)),
        new("price", r => CsvCell.Number(r.Price)),
        new("prints", r => CsvCell.Number(r.Prints)),
        new("volume_at_or_better", r => CsvCell.Number(r.VolumeAtOrBetter)),
        new("coverage", r => CsvCell.Number(r.Coverage)),
        new("vwap", r => CsvCell.Number(r.Vwap)),
        new("gap_per_share", r => CsvCell.Number(r.GapPerShare)),
        new("gap_usdc", r => CsvCell.Number(r.GapUsdc)),
    ];

    public async Task<IReadOnlyList<string>> WriteAsync(FillsAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var json = Path.Combine(folder.ReportsDirectory, "fills_audit.json");
        var csv = folder.Export("fills_audit");
        Directory.CreateDirectory(folder.ReportsDirectory);
        Directory.CreateDirectory(folder.ExportsDirectory);
        await JsonFile.WriteAsync(json, Document(audit), cancellationToken).ConfigureAwait(false);
        await CsvTable.WriteAsync(csv, Columns, audit.Fills, cancellationToken).ConfigureAwait(false);
        return [json, csv];
    }

    private static object Document(FillsAudit a) => new
    {
        generated_at = a.GeneratedAt,
        source = a.Source,
        simulated = a.Source == "sample",
        window_minutes = (int)a.Window.TotalMinutes,
        overall = Summary(a.Overall),
        markets = a.Markets.Select(Summary).ToArray(),
        unread = a.Unread.Select(u => new { market_id = u.MarketId, reason = u.Reason }).ToArray(),
        fills = a.Fills,
    };

    private static object Summary(FillAuditSummary s) => new
    {
        market_id = s.MarketId,
        question = s.Question,
        fills = s.Fills,
        fills_with_prints = s.FillsWithPrints,
        shares = s.Shares,
        covered_shares = s.CoveredShares,
        coverage = s.Coverage,
        gap_per_share = s.GapPerShare,
        gap_usdc = s.GapUsdc,
    };
}
