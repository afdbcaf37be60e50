using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Prescient.Polymarket.Http;

namespace Prescient.Polymarket.Tests.Http;

public sealed class RetryAfterDelayTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private TimeSpan? Delay(HttpStatusCode status, RetryConditionHeaderValue? retryAfter)
    {
        using var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = retryAfter;
        return RetryAfterDelay.From(response, _time.GetUtcNow(), Cap);
    }

    [Fact]
    public void From_429WithSeconds_ReturnsThoseSeconds() =>
        Assert.Equal(TimeSpan.FromSeconds(1), Delay(HttpStatusCode.TooManyRequests, new(TimeSpan.FromSeconds(1))));

    [Fact]
    public void From_503WithHttpDate_ReturnsTimeUntilThatDate() =>
        Assert.Equal(TimeSpan.FromSeconds(5), Delay(HttpStatusCode.ServiceUnavailable, new(_time.GetUtcNow().AddSeconds(5))));

    [Fact]
    public void From_WaitLongerThanCap_ReturnsCap() =>
        Assert.Equal(Cap, Delay(HttpStatusCode.TooManyRequests, new(TimeSpan.FromMinutes(10))));

    [Fact]
    public void From_DateInThePast_ReturnsZero() =>
        Assert.Equal(TimeSpan.Zero, Delay(HttpStatusCode.TooManyRequests, new(_time.GetUtcNow().AddSeconds(-5))));

    [Fact]
    public void From_OtherStatusOrNoHeader_ReturnsNullForNormalBackoff()
    {
        Assert.Null(Delay(HttpStatusCode.InternalServerError, new(TimeSpan.FromSeconds(1))));
        Assert.Null(Delay(HttpStatusCode.TooManyRequests, null));
        Assert.Null(RetryAfterDelay.From(null, _time.GetUtcNow(), Cap));
    }
}
