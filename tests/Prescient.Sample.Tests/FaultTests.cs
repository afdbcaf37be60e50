using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Sample.Server;

namespace Prescient.Sample.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task RateLimit_QuarterRate_EveryFourthRequestIs429WithRetryAfter()
    {
        await using var harness = await SampleHarness.StartAsync(new() { Faults = new() { RateLimitRate = 0.25, RetryAfter = TimeSpan.FromSeconds(1.5) } });

        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await harness.Http.GetAsync(new Uri("events/keyset?limit=5&closed=false", UriKind.Relative));
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Equal([200, 200, 200, 429, 200, 200, 200, 429, 200, 200, 200, 429], statuses);
        Assert.Equal(3, harness.Server.Stats.Faults(SampleFaultKind.RateLimit));
        Assert.Equal(12, harness.Server.Stats.Requests(SampleRoutes.EventsKeyset));
    }

    [Fact]
    public async Task ServerError_HalfRate_AlternatesAndCyclesStatusesWithGammaAndClobBodies()
    {
        await using var harness = await SampleHarness.StartAsync(new() { Faults = new() { ServerErrorRate = 0.5 } });

        var replies = new List<(int Status, string Body)>();
        for (var i = 0; i < 6; i++)
        {
            var path = i < 4 ? "events/keyset?closed=false&limit=1" : "book?token_id=1";
            using var response = await harness.Http.GetAsync(new Uri(path, UriKind.Relative));
            replies.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal([200, 500, 200, 502, 404, 503], replies.Select(r => r.Status));
        Assert.Equal("internal error", JsonNode.Parse(replies[1].Body)!["type"]!.GetValue<string>());
        Assert.NotNull(JsonNode.Parse(replies[5].Body)!["error"]);
        Assert.Null(JsonNode.Parse(replies[5].Body)!["type"]);
        Assert.Equal(3, harness.Server.Stats.Faults(SampleFaultKind.ServerError));
    }

    [Fact]
    public async Task TruncatedJson_ThirdRate_CutsEveryThirdOkJsonBodyInHalf()
    {
        await using var harness = await SampleHarness.StartAsync(new() { Faults = new() { TruncatedJsonRate = 1.0 / 3 } });

        var bodies = new List<(bool Valid, long? Length, int Bytes)>();
        for (var i = 0; i < 9; i++)
        {
            using var response = await harness.Http.GetAsync(new Uri("events/keyset?closed=false&limit=3", UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bodies.Add((IsJson(bytes), response.Content.Headers.ContentLength, bytes.Length));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal([true, true, false, true, true, false, true, true, false], bodies.Select(b => b.Valid));
        Assert.All(bodies, b => Assert.Equal(b.Bytes, b.Length));
        Assert.Equal(bodies[0].Bytes / 2, bodies[2].Bytes);
        Assert.Equal(3, harness.Server.Stats.Faults(SampleFaultKind.TruncatedJson));
    }

    [Fact]
    public async Task Faults_AllKindsAtHalfRate_AtMostOnePerRequestAndControlRoutesSpared()
    {
        await using var harness = await SampleHarness.StartAsync(new() { Faults = new() { RateLimitRate = 0.5, ServerErrorRate = 0.5, TruncatedJsonRate = 0.5 } });

        var statuses = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await harness.Http.GetAsync(new Uri("events/keyset?closed=false&limit=2", UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            statuses.Add(response.StatusCode == HttpStatusCode.OK ? (IsJson(bytes) ? "ok" : "cut") : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await harness.Http.GetAsync(new Uri("sample/clock", UriKind.Relative))).StatusCode);
        }

        // 429 on odd requests; 5xx on every second request that escaped 429; truncation on every second 200 after that.
        Assert.Equal(["ok", "429", "500", "429", "cut", "429", "502", "429"], statuses);
        var stats = harness.Server.Stats;
        Assert.Equal(4, stats.Faults(SampleFaultKind.RateLimit));
        Assert.Equal(2, stats.Faults(SampleFaultKind.ServerError));
        Assert.Equal(1, stats.Faults(SampleFaultKind.TruncatedJson));
        Assert.Equal(12, stats.TotalRequests);
        Assert.Equal(4, stats.Requests(SampleRoutes.Clock));
    }

    [Theory]
    [InlineData(1.5, 0, 0, "RateLimitRate")]
    [InlineData(0, -0.1, 0, "ServerErrorRate")]
    [InlineData(0, 0, double.NaN, "TruncatedJsonRate")]
    public async Task StartAsync_RateOutOfRange_ThrowsWithNamedOption(double rateLimit, double serverError, double truncated, string name)
    {
        var options = new SampleServerOptions { Faults = new() { RateLimitRate = rateLimit, ServerErrorRate = serverError, TruncatedJsonRate = truncated } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SampleServer.StartAsync(options, TimeProvider.System, CancellationToken.None));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ZeroEvents_ThrowsWithRange()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SampleServer.StartAsync(new() { Events = 0 }, TimeProvider.System, CancellationToken.None));

        Assert.Contains("between 1 and", error.Message, StringComparison.Ordinal);
    }

    private static bool IsJson(byte[] bytes)
    {
        try
        {
            using var _ = JsonDocument.Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
