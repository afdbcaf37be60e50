using System.Globalization;
using Prescient.Engine.Backtest.Recorded;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Markets;

/// <summary>
/// The tapes of <c>simulate --record</c>: <c>markets/tape_YYYY-MM-DD.json</c>, one per day of the
/// run's calendar, replaced whole (atomically) when the day is recorded again. Compact JSON (one line):
/// a tape is read by the replay, not by people, and holds every book of the day twice over.
/// </summary>
public sealed class MarketTapeFiles(DataFolder folder) : IMarketTapeStore
{
    public async Task<string> WriteAsync(MarketTapeDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var path = DataFolder.EnsureDirectoryFor(folder.MarketTape(day.Date));
        await JsonFile.WriteAsync(path, day, PrescientJson.CompactOptions, cancellationToken).ConfigureAwait(false);
        return path;
    }

    public async Task<IReadOnlyList<MarketTapeDay>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = new List<MarketTapeDay>();
        if (!Directory.Exists(folder.MarketsDirectory))
        {
            return days;
        }

        foreach (var path in Directory.EnumerateFiles(folder.MarketsDirectory, "tape_*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path)["tape_".Length..];
            if (DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= from && date <= to
                && await JsonFile.ReadAsync<MarketTapeDay>(path, cancellationToken).ConfigureAwait(false) is { } day)
            {
                days.Add(day);
            }
        }

        return days;
    }
}
