using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Prescient.Sample.Server;

/// <summary>
/// <c>GET /sample/clock</c> and <c>POST /sample/advance</c> (<c>{"hours": N}</c>, <c>{"days": N}</c>
/// or <c>{"minutes": N}</c>): the simulated clock, outside the Polymarket API and never faulted.
/// </summary>
internal sealed class ControlEndpoints(SampleClock clock)
{
    private static readonly (string Name, TimeSpan Unit)[] Units = [("days", TimeSpan.FromDays(1)), ("hours", TimeSpan.FromHours(1)), ("minutes", TimeSpan.FromMinutes(1))];

    public void Map(IEndpointRouteBuilder app, ReplyPipeline pipeline)
    {
        app.MapGet("/sample/clock", pipeline.Handle(SampleRoutes.Clock, Api.Control, _ => Clock()));
        app.MapPost("/sample/advance", pipeline.Handle(SampleRoutes.Advance, Api.Control, AdvanceAsync));
    }

    private SampleReply Clock() => SampleReply.JsonBody(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("now", clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteNumber("offset_seconds", (decimal)clock.Offset.Ticks / TimeSpan.TicksPerSecond);
        w.WriteEndObject();
    });

    private async Task<SampleReply> AdvanceAsync(HttpContext context)
    {
        var amount = TimeSpan.Zero;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Invalid();
            }

            var found = false;
            foreach (var (name, unit) in Units)
            {
                if (body.RootElement.TryGetProperty(name, out var value))
                {
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var count) || count < 0 || count > 36_500)
                    {
                        return Invalid();
                    }

                    amount += unit * count;
                    found = true;
                }
            }

            if (!found)
            {
                return Invalid();
            }
        }
        catch (JsonException)
        {
            return Invalid();
        }

        clock.AdvanceBy(amount);
        return Clock();
    }

    private static SampleReply Invalid() =>
        SampleReply.ClobError(400, "Send a JSON object such as {\"hours\": 6} or {\"days\": 1} (non-negative numbers).");
}
