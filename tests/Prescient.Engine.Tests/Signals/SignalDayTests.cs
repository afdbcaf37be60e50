using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Engine.Calendar;
using Prescient.Engine.Markets;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Signals.SignalsData;

namespace Prescient.Engine.Tests.Signals;

/// <summary>The date in a signal id is the trading day: the context's, which the signal service takes from its calendar.</summary>
public sealed class SignalDayTests
{
    /// <summary>18:00 PST on 2026-11-25.</summary>
    private static readonly DateTimeOffset LosAngelesEvening = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_ContextWithoutDay_IdCarriesTheUtcDateOfNow()
    {
        var market = Row("7", "70");

        var signal = Assert.Single(Strategy().Generate(Context([market], TwoSided(market, 0.61m, 0.63m), now: LosAngelesEvening)).Signals);

        Assert.Equal("20261126-70-buy_no", signal.SignalId.Value);
    }

    [Fact]
    public void Generate_ContextDay_IdCarriesThatDay()
    {
        var market = Row("7", "70");
        var context = Context([market], TwoSided(market, 0.61m, 0.63m), now: LosAngelesEvening) with { Day = new DateOnly(2026, 11, 25) };

        var signal = Assert.Single(Strategy().Generate(context).Signals);

        Assert.Equal(("20261125-70-buy_no", LosAngelesEvening), (signal.SignalId.Value, signal.CreatedAt));
    }

    [Theory]
    [InlineData("UTC", "20261126-70-buy_no")]
    [InlineData("America/Los_Angeles", "20261125-70-buy_no")]
    [InlineData("Asia/Tokyo", "20261126-70-buy_no")]
    public async Task GenerateAsync_Calendar_IdCarriesTheDateInItsZone(string zone, string expected)
    {
        var marketData = new InMemoryMarketDataStore();
        var market = Row("7", "70");
        marketData.Markets = new MarketsSnapshot(LosAngelesEvening, MarketSourceInfo.Sample, [market]);
        marketData.Quotes = new QuotesSnapshot(LosAngelesEvening, MarketSourceInfo.Sample, TwoSided(market, 0.61m, 0.63m));
        using var gate = new UseCaseGate();
        var service = new SignalService(
            new FakeMarketSource(), marketData, new InMemoryTradingStore(), marketData, Strategy(), Options.Create(new TradingOptions()),
            gate, new FakeTimeProvider(LosAngelesEvening), NullLogger<SignalService>.Instance, new TradingCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone)));

        var result = await service.GenerateAsync(CancellationToken.None);

        Assert.Equal(expected, Assert.Single(result.Snapshot.Signals).SignalId.Value);
    }
}
