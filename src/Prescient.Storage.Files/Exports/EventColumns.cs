using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Storage.Files.Exports;

/// <summary>The columns of <c>events_filtered.csv</c>. Liquidity and volumes in USDC.</summary>
internal static class EventColumns
{
    public static IReadOnlyList<CsvColumn<MarketEvent>> For(MarketSourceInfo source) =>
    [
        new("event_id", e => CsvCell.Id(e.Id)),
        new("slug", e => CsvCell.Text(e.Slug)),
        new("title", e => CsvCell.Text(e.Title)),
        new("liquidity", e => CsvCell.Number(e.Liquidity)),
        new("volume", e => CsvCell.Number(e.Volume)),
        new("volume_24h", e => CsvCell.Number(e.Volume24h)),
        new("end_date", e => CsvCell.Timestamp(e.EndDate)),
        new("market_count", e => CsvCell.Number(e.Markets.Count)),

        // Open = not closed: the markets of the event that can still trade or resolve.
        new("open_market_count", e => CsvCell.Number(e.Markets.Count(m => !m.Closed))),
        new("neg_risk", e => CsvCell.Bool(e.NegRisk)),
        new("tags", e => CsvCell.Text(string.Join(';', e.Tags.Select(t => t.Label ?? t.Slug ?? t.Id)))),
        new("source", _ => source.Label),
    ];
}
