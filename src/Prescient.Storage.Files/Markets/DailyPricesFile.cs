using System.Globalization;
using Prescient.Engine.Calendar;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// <c>markets/daily_prices_YYYY-MM-DD.json</c>: <c>{date, generated_at, source, simulated, prices, count}</c>,
/// one <see cref="DailyPrice"/> per quoted token. Written once per day (of the <see cref="TradingCalendar"/>)
/// and never replaced: the writer is finished into a temporary file and then created only if the day has no file yet.
/// </summary>
internal static class DailyPricesFile
{
    /// <summary>Starts the file of <paramref name="day"/> for quotes generated at <paramref name="generatedAt"/>; add <see cref="DailyPrice"/> items, finish, then TryCreate.</summary>
    public static Task<JsonEnvelopeWriter> BeginAsync(DataFolder folder, DateOnly day, DateTimeOffset generatedAt, MarketSourceInfo source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return JsonEnvelopeWriter.BeginAsync(
            folder.DailyPrices(day),
            w =>
            {
                w.WriteString("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                JsonEnvelopeWriter.WriteSource(w, generatedAt, source);
            },
            "prices",
            cancellationToken);
    }
}
