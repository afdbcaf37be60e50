using System.Text.Json.Nodes;
using Prescient.Engine.Calendar;
using Prescient.Storage.Files.Markets;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Markets;

/// <summary>The daily prices file of quotes is the file of their date in the store's calendar.</summary>
public sealed class DailyPricesDayTests : IDisposable
{
    /// <summary>18:00 PST on 2026-11-25, already 26 November in UTC.</summary>
    private static readonly DateTimeOffset LosAngelesEvening = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static readonly TradingCalendar LosAngeles = new(TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task QuotesRun_LosAngelesEvening_WritesTheLocalDatesFile()
    {
        var (folder, store) = Store(LosAngeles);

        var commit = await Runs.CommitQuotesAsync(store, TestData.Quotes(TestData.Quote()) with { GeneratedAt = LosAngelesEvening });

        Assert.True(commit.DailyPricesWritten);
        Assert.Contains(folder.DailyPrices(new DateOnly(2026, 11, 25)), commit.FilesWritten);
        var root = JsonNode.Parse(await File.ReadAllTextAsync(folder.DailyPrices(new DateOnly(2026, 11, 25))))!;
        Assert.Equal(("2026-11-25", "2026-11-26T02:00:00Z"), ((string?)root["date"], (string?)root["generated_at"]));
        Assert.False(File.Exists(folder.DailyPrices(new DateOnly(2026, 11, 26))));
    }

    [Fact]
    public async Task QuotesRun_NextMorningInLosAngeles_IsANewDay()
    {
        var (folder, store) = Store(LosAngeles);
        await Runs.CommitQuotesAsync(store, TestData.Quotes(TestData.Quote()) with { GeneratedAt = LosAngelesEvening });

        var next = await Runs.CommitQuotesAsync(store, TestData.Quotes(TestData.Quote()) with { GeneratedAt = LosAngelesEvening.AddHours(15) });

        Assert.True(next.DailyPricesWritten);
        Assert.True(File.Exists(folder.DailyPrices(new DateOnly(2026, 11, 26))));
    }

    [Fact]
    public async Task WriteDailyPricesAsync_LosAngelesEvening_WritesTheLocalDatesFile()
    {
        var (folder, store) = Store(LosAngeles);

        var path = await store.WriteDailyPricesAsync(TestData.Quotes(TestData.Quote()) with { GeneratedAt = LosAngelesEvening }, CancellationToken.None);

        Assert.Equal(folder.DailyPrices(new DateOnly(2026, 11, 25)), path);
        Assert.Equal("2026-11-25", (string?)JsonNode.Parse(await File.ReadAllTextAsync(path!))!["date"]);
    }

    [Fact]
    public async Task QuotesRun_NoCalendar_WritesTheUtcDatesFile()
    {
        var (folder, store) = Store(null);

        await Runs.CommitQuotesAsync(store, TestData.Quotes(TestData.Quote()) with { GeneratedAt = LosAngelesEvening });

        Assert.Equal([folder.DailyPrices(new DateOnly(2026, 11, 26))], Directory.GetFiles(folder.MarketsDirectory, "daily_prices_*.json"));
    }

    public void Dispose() => _temp.Dispose();

    private (DataFolder Folder, FileMarketDataStore Store) Store(TradingCalendar? calendar)
    {
        var folder = new DataFolder(Path.Combine(_temp.Path, "data"));
        return (folder, new FileMarketDataStore(folder, calendar: calendar));
    }
}
