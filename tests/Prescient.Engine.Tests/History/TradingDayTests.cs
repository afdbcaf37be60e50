using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Engine.Calendar;
using Prescient.Engine.Exports;
using Prescient.Engine.Extraction;
using Prescient.Engine.History;
using Prescient.Engine.Markets;
using Prescient.Engine.Performance;
using Prescient.Engine.Positions;
using Prescient.Engine.Runs;
using Prescient.Engine.Settlement;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Signals.SignalsData;

namespace Prescient.Engine.Tests.History;

/// <summary>
/// Signals at 09:00 and the end of day at 18:00, Los Angeles time, driven day by day on a fake clock
/// from 27 February to 3 November 2026: both daylight saving changes, two month ends whose evening is
/// already the next month in UTC, and every 18:00 PST that is 02:00 UTC the next day.
/// </summary>
public sealed class TradingDayTests : IDisposable
{
    private static readonly TradingCalendar LosAngeles = new(TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
    private static readonly DateOnly First = new(2026, 2, 27);
    private static readonly DateOnly Last = new(2026, 11, 3);

    private readonly FakeTimeProvider _time = new(LosAngeles.At(First, new TimeOnly(8, 0)));
    private readonly InMemoryMarketDataStore _marketData = new() { Calendar = LosAngeles };
    private readonly InMemoryTradingStore _trading = new();
    private readonly InMemoryHistoryStore _history = new();
    private readonly UseCaseGate _gate = new();
    private readonly SignalService _signals;
    private readonly EndOfDayService _endOfDay;
    private readonly MarketRow _market = Row("1", "70");

    public TradingDayTests()
    {
        var source = new FakeMarketSource();
        var options = Options.Create(new TradingOptions());
        var performance = new PerformanceService(_history, _trading, options, _gate, LosAngeles);
        var portfolio = new PortfolioService(_trading, _marketData, options, MarketSourceInfo.Sample, _gate, _time);
        var exports = new ExportService(_marketData, _trading, _history, new FakeEventParser(), _marketData, portfolio, performance, _gate, NullLogger<ExportService>.Instance);
        var recorder = new RunRecorder(new InMemoryRunLog(), _time, NullLogger<RunRecorder>.Instance);
        _signals = new SignalService(source, _marketData, _trading, _marketData, Strategy(), options, _gate, _time, NullLogger<SignalService>.Instance, LosAngeles);
        _endOfDay = new EndOfDayService(
            source, _marketData, _trading, _history, exports, new SettlementService(source, _time, NullLogger<SettlementService>.Instance), options, _gate, recorder, _time, NullLogger<EndOfDayService>.Instance, LosAngeles);
    }

    [Fact]
    public async Task EndOfDay_EveryDayAcrossBothDaylightSavingChanges_OneRowPerLocalDateNoneTwiceNoneSkipped()
    {
        var expected = new List<DateOnly>();
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            expected.Add(day);
            var (morning, evening) = await RunDayAsync(day);

            Assert.Equal($"{day:yyyyMMdd}-70-buy_no", morning.Snapshot.Signals.Single().SignalId.Value);
            Assert.Equal((day, false, 1), (evening.Date, evening.AlreadyRecorded, evening.SignalsArchived));
            Assert.True(evening.DailyPricesWritten, $"{day:yyyy-MM-dd}: the morning's quotes are that day's");
        }

        Assert.Equal(expected, _history.Days.Select(d => d.Date));
        Assert.Equal(expected, _marketData.DailyPrices.Keys.Order());
        Assert.Equal(expected.Select(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Distinct(), _history.Archives.Keys);
        foreach (var (month, archived) in _history.Archives)
        {
            var inMonth = expected.Where(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture) == month);
            Assert.Equal(inMonth.Select(d => $"{d:yyyyMMdd}-70-buy_no"), archived.Select(s => s.SignalId.Value));
        }
    }

    [Theory]
    [InlineData("2026-02-28", "2026-03-01T02:00:00Z", "2026-02")]
    [InlineData("2026-03-08", "2026-03-09T01:00:00Z", "2026-03")]
    [InlineData("2026-10-31", "2026-11-01T01:00:00Z", "2026-10")]
    [InlineData("2026-11-01", "2026-11-02T02:00:00Z", "2026-11")]
    public async Task EndOfDay_EveningThatIsTheNextDayInUtc_DatedAndArchivedOnTheLocalDate(string date, string eveningUtc, string month)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _time.AdjustTime(LosAngeles.At(day, new TimeOnly(8, 0)));

        var (_, evening) = await RunDayAsync(day);

        Assert.Equal(DateTimeOffset.Parse(eveningUtc, CultureInfo.InvariantCulture), evening.Snapshot.RecordedAt);
        Assert.Equal(day, evening.Date);
        Assert.Equal([month], _history.Archives.Keys);
        Assert.Equal([$"{day:yyyyMMdd}-70-buy_no"], _history.Archives[month].Select(s => s.SignalId.Value));
        Assert.Equal([day], _marketData.DailyPrices.Keys);
    }

    [Fact]
    public async Task EndOfDay_AgainBeforeLocalMidnightThatIsTheNextUtcDay_AlreadyRecorded()
    {
        var day = new DateOnly(2026, 11, 1);
        _time.AdjustTime(LosAngeles.At(day, new TimeOnly(8, 0)));
        await RunDayAsync(day);
        _time.AdjustTime(LosAngeles.At(day, new TimeOnly(23, 59)));

        var again = await _endOfDay.RunAsync(CancellationToken.None);

        Assert.Equal((day, true), (again.Date, again.AlreadyRecorded));
        Assert.Single(_history.Days);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The morning: quotes (not yet in a daily prices file) and signals at 09:00; the evening: the end of day at 18:00.</summary>
    private async Task<(SignalsResult Morning, EndOfDayResult Evening)> RunDayAsync(DateOnly day)
    {
        var morning = LosAngeles.At(day, new TimeOnly(9, 0));
        _time.Advance(morning - _time.GetUtcNow());
        _marketData.Markets = new MarketsSnapshot(morning, MarketSourceInfo.Sample, [_market]);
        _marketData.Quotes = new QuotesSnapshot(morning, MarketSourceInfo.Sample, TwoSided(_market, 0.61m, 0.63m));
        var signals = await _signals.GenerateAsync(CancellationToken.None);
        _time.Advance(LosAngeles.At(day, new TimeOnly(18, 0)) - _time.GetUtcNow());
        var evening = await _endOfDay.RunAsync(CancellationToken.None);
        return (signals, evening);
    }
}
