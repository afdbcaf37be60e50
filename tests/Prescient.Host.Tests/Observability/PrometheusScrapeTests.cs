using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Prescient.Host.Tests.Observability;

/// <summary>
/// A real Prometheus (the one <c>scripts/services up prometheus</c> starts, whose targets it reads from
/// a file) scrapes <c>serve</c>'s <c>/metrics</c>, and answers a query for one of Prescient's metrics.
/// Prometheus scrapes through a relay that tells the test of each scrape: when the second one arrives,
/// the first has been recorded (the target's health, its samples), so nothing waits by the clock.
/// </summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_ScrapesServesMetrics_AndAnswersForThem()
    {
        var prometheus = Environment.GetEnvironmentVariable("PRESCIENT_SERVICES_PROMETHEUS");
        var targets = Environment.GetEnvironmentVariable("PRESCIENT_SERVICES_PROMETHEUS_TARGETS");
        Assert.False(string.IsNullOrEmpty(prometheus) || string.IsNullOrEmpty(targets), "PRESCIENT_SERVICES_PROMETHEUS is not set: run `scripts/services up prometheus` and `eval \"$(scripts/services env)\"` (scripts/test.sh does both)");
        await using var api = await ApiFixture.StartAsync(new Dictionary<string, string?> { ["Sample:Events"] = "40" });
        await api.PostJsonAsync("/trading/run-full-cycle");
        var secondScrape = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scrapes = 0;
        await using var relay = await StartRelayAsync(api, () =>
        {
            if (Interlocked.Increment(ref scrapes) == 2)
            {
                secondScrape.TrySetResult();
            }
        });
        var run = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(targets!, new JsonArray(new JsonObject
        {
            ["targets"] = new JsonArray(relay.Urls.Select(u => new Uri(u).Authority).First()),
            ["labels"] = new JsonObject { ["run"] = run },
        }).ToJsonString());
        using var http = new HttpClient { BaseAddress = new Uri(prometheus!) };
        try
        {
            // Prometheus reads the file within a second and scrapes every 5 s (an external process: bounded).
            await secondScrape.Task.WaitAsync(TimeSpan.FromSeconds(60));

            var targetsNow = JsonNode.Parse(await http.GetStringAsync(new Uri("api/v1/targets", UriKind.Relative)))!;
            var target = targetsNow["data"]!["activeTargets"]!.AsArray().Single(t => (string?)t!["labels"]!["run"] == run)!;
            Assert.Equal("up", (string?)target["health"]);
            Assert.Equal("", (string?)target["lastError"]);

            var answer = JsonNode.Parse(await http.GetStringAsync(new Uri($"api/v1/query?query=prescient_equity_usdc%7Brun%3D%22{run}%22%7D", UriKind.Relative)))!;
            var value = answer["data"]!["result"]!.AsArray().Single()!["value"]![1]!;
            Assert.True(decimal.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture) > 0m);
        }
        finally
        {
            await File.WriteAllTextAsync(targets!, "[]");
        }
    }

    /// <summary>A server on 127.0.0.1 whose <c>/metrics</c> answers serve's, and calls <paramref name="scraped"/> as each answer is sent.</summary>
    private static async Task<WebApplication> StartRelayAsync(ApiFixture api, Action scraped)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var relay = builder.Build();
        relay.MapGet("/metrics", async (HttpContext context) =>
        {
            var text = await api.GetTextAsync("/metrics");
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await context.Response.WriteAsync(text, context.RequestAborted);
            await context.Response.CompleteAsync();
            scraped();
        });
        await relay.StartAsync();
        return relay;
    }
}
