using Prescient.Engine.Positions;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Exports;

/// <summary>
/// Regenerates the CSVs of <c>exports/</c> from the JSON state alone (no network): each export whose
/// JSON source exists is rewritten; the others are reported as skipped with the step that writes them.
/// </summary>
public sealed class ExportService(
    IMarketDataStore marketData,
    ITradingStore trading,
    ICsvExporter exporter,
    PortfolioService portfolio,
    UseCaseGate gate)
{
    public Task<ExportAllResult> ExportAllAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(ExportAllUngatedAsync, cancellationToken);

    private async Task<ExportAllResult> ExportAllUngatedAsync(CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);

        if (await marketData.ReadMarketsAsync(cancellationToken) is { } markets)
        {
            files.Add(await exporter.ExportExtractedMarketsAsync(markets, cancellationToken));
        }
        else
        {
            skipped["markets_extracted"] = "no events/filtered_markets.json yet: run `prescient refresh`";
        }

        if (await marketData.ReadQuotesAsync(cancellationToken) is { } quotes)
        {
            files.Add(await exporter.ExportCurrentMarketsAsync(quotes, cancellationToken));
        }
        else
        {
            skipped["markets_current"] = "no markets/market_cache.json yet: run `prescient refresh`";
        }

        if (await trading.ReadSignalsAsync(cancellationToken) is { } signals)
        {
            files.Add(await exporter.ExportSignalsAsync(signals, cancellationToken));
        }
        else
        {
            skipped["signals_current"] = "no trades/current_signals.json yet: run `prescient signals`";
        }

        files.Add(await exporter.ExportTradesAsync(await trading.Ledger.ReadAllAsync(cancellationToken), cancellationToken));
        files.Add(await exporter.ExportPositionsAsync(await portfolio.CurrentUngatedAsync(cancellationToken), cancellationToken));
        return new ExportAllResult(files, skipped);
    }
}
