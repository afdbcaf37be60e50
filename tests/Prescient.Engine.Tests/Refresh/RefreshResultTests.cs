using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;

namespace Prescient.Engine.Tests.Refresh;

public sealed class RefreshResultTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3.0, 1.0, 1.0, 3.0)] // quotes end inside the events commit
    [InlineData(3.0, 2.0, 2.0, 4.0)] // quotes end after it
    [InlineData(1.0, 1.0, 0.5, 1.5)] // one after the other: the sum
    public void Duration_OverlappingStages_StartToLastEnd(double eventsSeconds, double quotesStartSeconds, double quotesSeconds, double expectedSeconds)
    {
        var source = new MarketSourceInfo("sample", IsSimulated: true);
        var events = new EventsStageResult(
            Start, source, 0, 0, new Dictionary<FilterReason, int>(), 0, 0, [], TimeSpan.FromSeconds(eventsSeconds));
        var quotes = new QuotesStageResult(
            Start.AddSeconds(quotesStartSeconds), source, 0, 0, 0, false, [], TimeSpan.FromSeconds(quotesSeconds));

        var duration = new RefreshResult(events, quotes).Duration;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), duration);
    }
}
