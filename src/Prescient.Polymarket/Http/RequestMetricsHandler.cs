using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Prescient.Polymarket.Http;

/// <summary>
/// Counts every attempt of a Polymarket request (inside the resilience pipeline, so each retry is one)
/// by API host, endpoint and HTTP status (<c>error</c> when no reply came), and times it: the meter
/// <c>Prescient</c>, exported by <c>serve</c> on <c>/metrics</c> as <c>prescient_polymarket_requests_total</c>
/// and <c>prescient_polymarket_request_duration_seconds</c>.
/// </summary>
internal sealed class RequestMetricsHandler(TimeProvider time) : DelegatingHandler
{
    private static readonly Meter Meter = new("Prescient");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("polymarket_requests", description: "Requests to Polymarket (each attempt), by host, endpoint and status.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("polymarket_request_duration_seconds", description: "Time of each attempt, to the reply's headers (seconds).");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var status = "error";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response;
        }
        finally
        {
            var tags = new TagList
            {
                { "host", request.RequestUri?.Host ?? string.Empty },
                { "endpoint", System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(PolymarketEndpointTag.EndpointOf(request).ToString()) },
                { "status", status },
            };
            Requests.Add(1, tags);
            Duration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
