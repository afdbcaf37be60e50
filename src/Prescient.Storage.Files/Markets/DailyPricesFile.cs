using System.Globalization;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// <c>markets/daily_prices_YYYY-MM-DD.json</c>: <c>{date, generated_at, source, simulated, prices, count}</c>,
/// one <see cref="DailyPrice"/> per quoted token. Written once per UTC day and never replaced: the
/// writer is finished into a temporary file and then created only if the day has no file yet.
/// </summary>
internal static class DailyPricesFile
{
    /// <summary>The UTC day whose daily prices file quotes generated at <paramref name="generatedAt"/> belong to.</summary>
    public static DateOnly Day(DateTimeOffset generatedAt) => DateOnly.FromDateTime(generatedAt.UtcDateTime);

    /// <summary>Starts the day's file for quotes generated at <paramref name="generatedAt"/>; add <see cref="DailyPrice"/> items, finish, then TryCreate.</summary>
    public static Task<JsonEnvelopeWriter> BeginAsync(DataFolder folder, DateTimeOffset generatedAt, MarketSourceInfo source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var day = Day(generatedAt);
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
