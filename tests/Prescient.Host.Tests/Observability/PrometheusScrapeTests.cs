using System.Text.Json.Nodes;

namespace Prescient.Host.Tests.Observability;

/// <summary>
/// A real Prometheus (the one <c>scripts/services up prometheus</c> starts, whose targets it reads from
/// a file) scrapes <c>serve</c>'s <c>/metrics</c>, and answers a query for one of Prescient's metrics.
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
        var run = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(targets!, new JsonArray(new JsonObject
        {
            ["targets"] = new JsonArray(api.BaseAddress.Authority),
            ["labels"] = new JsonObject { ["run"] = run },
        }).ToJsonString());
        using var http = new HttpClient { BaseAddress = new Uri(prometheus!) };
        try
        {
            // Prometheus reads the file within a second and scrapes every 5 s: wait for the target's
            // first scrape (an external process: bounded, at most 60 s).
            var target = await WaitAsync(http, "api/v1/targets", body => body["data"]!["activeTargets"]!.AsArray()
                .FirstOrDefault(t => (string?)t!["labels"]!["run"] == run && (string?)t["health"] != "unknown"));
            Assert.Equal("up", (string?)target["health"]);
            Assert.Equal("", (string?)target["lastError"]);

            var answer = await WaitAsync(http, $"api/v1/query?query=prescient_equity_usdc%7Brun%3D%22{run}%22%7D", body => body["data"]!["result"]!.AsArray().FirstOrDefault());
            Assert.True(decimal.Parse((string)answer["value"]![1]!, System.Globalization.CultureInfo.InvariantCulture) > 0m);
        }
        finally
        {
            await File.WriteAllTextAsync(targets!, "[]");
        }
    }

    private static async Task<JsonNode> WaitAsync(HttpClient http, string path, Func<JsonNode, JsonNode?> pick)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var body = JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative), deadline.Token))!;
            if (pick(body) is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }
}
