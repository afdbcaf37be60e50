using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Ids;
using Prescient.Host.Feed;

namespace Prescient.Host.Tests.Feed;

public sealed class IntradayThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly MarketId A = MarketId.Create("501");
    private static readonly MarketId B = MarketId.Create("502");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AFirstChange_IsDueAtOnce_AndIsTakenOnce()
    {
        var throttle = new IntradayThrottle(Interval, _time);

        Assert.True(throttle.Touch(A));
        Assert.Equal([A], throttle.TakeDue());
        Assert.Empty(throttle.TakeDue());
        Assert.False(throttle.HasWaiting);
    }

    [Fact]
    public void ChangesWithinTheInterval_WaitForItsEnd_AndMakeOneEvaluation()
    {
        var throttle = new IntradayThrottle(Interval, _time);
        throttle.Touch(A);
        throttle.TakeDue();

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(throttle.Touch(A));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(throttle.Touch(A));
        Assert.Empty(throttle.TakeDue());
        Assert.True(throttle.HasWaiting);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([A], throttle.TakeDue());
        Assert.False(throttle.HasWaiting);
    }

    [Fact]
    public void EachMarketHasItsOwnInterval()
    {
        var throttle = new IntradayThrottle(Interval, _time);
        throttle.Touch(A);
        throttle.TakeDue();

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(throttle.Touch(A));
        Assert.True(throttle.Touch(B));
        Assert.Equal([B], throttle.TakeDue());
    }

    [Fact]
    public void MarketsNoLongerWatched_AreForgotten()
    {
        var throttle = new IntradayThrottle(Interval, _time);
        throttle.Touch(A);
        throttle.TakeDue();
        _time.Advance(TimeSpan.FromSeconds(5));
        throttle.Touch(A);
        throttle.Touch(B);

        throttle.Retain(new HashSet<MarketId> { B });

        Assert.Equal([B], throttle.TakeDue());
        Assert.False(throttle.HasWaiting);

        // Watched again later, A is a first change: due at once.
        Assert.True(throttle.Touch(A));
    }
}
