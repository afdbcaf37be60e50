using System.Globalization;
using System.Text.Json;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// The day is the schedule's: <c>prescient simulate</c> in America/Los_Angeles across both 2026
/// daylight saving changes (its clock at 09:00 and 18:00 local, day by day), and a bad zone refused at start.
/// </summary>
public sealed class TradingDayCommandTests : IDisposable
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("2026-03-06", 5)] // 8 March: clocks forward
    [InlineData("2026-10-30", 4)] // 31 October's evening is 1 November in UTC; 1 November: clocks back
    public async Task Simulate_LosAngelesAcrossADaylightSavingChange_EveryFileAndIdDatedLocally(string start, int count)
    {
        var days = Enumerable.Range(0, count).Select(i => Date(start).AddDays(i)).ToArray();

        var run = await CliRun.RunAsync("simulate", "--start", start, "--days", count.ToString(CultureInfo.InvariantCulture), "--data", _dir.Path, "--config", Config("America/Los_Angeles"));

        Assert.True(run.ExitCode == 0, run.Error);
        var folder = new DataFolder(_dir.Path);
        var history = Records(folder.PortfolioHistory);
        Assert.Equal(days.Select(Text), history.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal(days.Select(d => Local(d, 18)), history.Select(d => Instant(d, "recorded_at")));
        var runs = Records(folder.RunLog);
        Assert.Equal(days.Select(d => Local(d, 9)), runs.Where(r => Kind(r) == "cycle").Select(r => Instant(r, "started_at")));
        Assert.Equal(days.Select(d => Local(d, 18)), runs.Where(r => Kind(r) == "end_of_day").Select(r => Instant(r, "started_at")));
        Assert.Equal(days.Select(d => folder.DailyPrices(d)), Directory.GetFiles(folder.MarketsDirectory, "daily_prices_*.json").Order(StringComparer.Ordinal));

        var buys = Records(folder.PaperTrades).Where(r => Kind(r) == "buy").ToArray();
        Assert.NotEmpty(buys);
        Assert.All(buys, b => Assert.StartsWith(Compact(DayOf(Instant(b, "executed_at"))) + "-", b.GetProperty("signal_id").GetString(), StringComparison.Ordinal));
        var archives = Directory.GetFiles(folder.HistoryDirectory, "signals_archive_*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(days.Select(d => folder.SignalsArchive(d)).Distinct(), archives);
        foreach (var archive in archives)
        {
            var month = Path.GetFileNameWithoutExtension(archive)["signals_archive_".Length..];
            var signals = Records(archive);
            Assert.NotEmpty(signals);
            Assert.All(signals, s =>
            {
                var day = DayOf(Instant(s, "created_at"));
                Assert.Contains(day, days);
                Assert.Equal(month, day.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                Assert.StartsWith(Compact(day) + "-", s.GetProperty("signal_id").GetString(), StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public async Task Simulate_NoTimeZone_RunsAt0900And1800Utc()
    {
        var run = await CliRun.RunAsync("simulate", "--days", "2", "--data", _dir.Path, "--config", Config(null));

        Assert.True(run.ExitCode == 0, run.Error);
        var runs = Records(new DataFolder(_dir.Path).RunLog).Select(r => (Kind(r), r.GetProperty("started_at").GetString())).ToArray();
        Assert.Equal(
            [("cycle", "2026-01-05T09:00:00Z"), ("end_of_day", "2026-01-05T18:00:00Z"), ("cycle", "2026-01-06T09:00:00Z"), ("end_of_day", "2026-01-06T18:00:00Z")],
            runs);
    }

    [Theory]
    [InlineData("cycle")]
    [InlineData("end-of-day")]
    [InlineData("simulate")]
    public async Task Command_UnknownTimeZone_FailsAtStartWithOneLineNamingTheKey(string command)
    {
        var run = await CliRun.RunAsync(command, "--data", _dir.Path, "--config", Config("Mars/Olympus"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Schedule:TimeZone 'Mars/Olympus' is not a known IANA time zone id", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var folder = new DataFolder(_dir.Path);
        Assert.False(Directory.Exists(folder.EventsDirectory) && Directory.EnumerateFiles(folder.EventsDirectory).Any());
        Assert.False(File.Exists(folder.RunLog));
    }

    public void Dispose() => _dir.Dispose();

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Compact(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary><paramref name="hour"/>:00 Los Angeles time on <paramref name="day"/>, as a UTC instant.</summary>
    private static DateTimeOffset Local(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), LosAngeles.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, 0)))).ToUniversalTime();

    private static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, LosAngeles).DateTime);

    private static DateTimeOffset Instant(JsonElement record, string key) =>
        DateTimeOffset.Parse(record.GetProperty(key).GetString()!, CultureInfo.InvariantCulture);

    private static string? Kind(JsonElement record) => record.GetProperty("kind").GetString();

    private static JsonElement[] Records(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray()
            : document.RootElement.GetProperty("signals").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>A smaller sample market keeps the test quick; <paramref name="zone"/> is the schedule's time zone (none: the default).</summary>
    private string Config(string? zone)
    {
        var path = Path.Combine(_dir.Path, "settings.json");
        var schedule = zone is null ? string.Empty : $$""", "Schedule": { "TimeZone": "{{zone}}" }""";
        File.WriteAllText(path, $$"""{ "Sample": { "Events": 60 }{{schedule}} }""");
        return path;
    }
}
