using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Prescient.Testing;

namespace Prescient.Host.Tests.Observability;

/// <summary>
/// <c>GET /metrics</c> of <c>serve</c> in Prometheus' text format after two cycles (total exposure held
/// to $250, so signals are rejected too), and the shipped
/// Grafana dashboard (<c>deploy/grafana-dashboard.json</c>), which may only query metrics it exposes.
/// </summary>
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterTwoCycles_ExposesTradingRunHttpAndFeedMetrics_AndEveryMetricTheDashboardQueries()
    {
        await using var api = await ApiFixture.StartAsync(new Dictionary<string, string?> { ["Sample:Events"] = "60", ["Trading:MaxTotalExposure"] = "250" });
        await api.PostJsonAsync("/trading/run-full-cycle");
        await api.PostJsonAsync("/trading/run-full-cycle");

        var text = await api.GetTextAsync("/metrics");

        var exposed = MetricName().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "prescient_trades", "prescient_rejections", "prescient_equity_usdc", "prescient_cash_usdc", "prescient_exposure_usdc",
            "prescient_open_positions", "prescient_run_duration_seconds_count", "prescient_polymarket_requests",
            "prescient_polymarket_request_duration_seconds_bucket", "prescient_feed_connections", "prescient_feed_reconnects",
            "prescient_feed_lag_seconds", "prescient_timeseries_points_dropped", "prescient_timeseries_failed_writes",
            "prescient_bus_waiting", "prescient_bus_in_progress", "prescient_bus_dead_letters", "prescient_bus_workers",
        ];
        Assert.All(expected, name => Assert.Contains(name, exposed));
        Assert.Matches(@"prescient_polymarket_requests\{endpoint=""gamma_events"",host=""127\.0\.0\.1"",status=""200""\} [1-9]", text);
        // The meters are the process's: other tests' runs count too, so at least this test's two.
        var cycles = Regex.Match(text, @"^prescient_run_duration_seconds_count\{kind=""cycle"",result=""succeeded""\} (\d+)$", RegexOptions.Multiline);
        Assert.True(cycles.Success && int.Parse(cycles.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2, text);
        var equity = decimal.Parse(Regex.Match(text, @"^prescient_equity_usdc (\S+)$", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(equity > 0m, "equity");

        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures.RepositoryRoot, "deploy", "grafana-dashboard.json")))!;
        var queried = dashboard["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray())
            .SelectMany(t => QueriedMetric().Matches((string)t!["expr"]!).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.Contains(name, exposed));
    }

    /// <summary>A sample line's metric name (suffixes such as _count or _bucket included).</summary>
    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})? ", RegexOptions.Multiline)]
    private static partial Regex MetricName();

    /// <summary>The metric names a PromQL expression reads (Prescient's own: prescient_…).</summary>
    [GeneratedRegex(@"\bprescient_[a-z0-9_]+")]
    private static partial Regex QueriedMetric();
}
