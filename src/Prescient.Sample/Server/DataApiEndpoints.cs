using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>
/// Data API <c>GET /trades?market={condition_id}&amp;limit=&amp;offset=</c> (v1: a bare JSON array, newest
/// first; <c>limit</c> 0–10,000, default 100; <c>offset</c> 0–10,000), on the same port as Gamma and the
/// CLOB. An unknown condition id has no trades: an empty array, as upstream.
/// </summary>
internal sealed class DataApiEndpoints(SampleUniverse universe, SampleClock clock, int seed)
{
    public void Map(IEndpointRouteBuilder app, ReplyPipeline pipeline) =>
        app.MapGet("/trades", pipeline.Handle(SampleRoutes.DataTrades, Api.Clob, Trades));

    private SampleReply Trades(HttpContext context)
    {
        var query = context.Request.Query;
        var market = query["market"].ToString();
        if (market.Length == 0)
        {
            return SampleReply.ClobError(400, "market is required (a condition id)");
        }

        if (!TryInt(query["limit"], 100, out var limit) || !TryInt(query["offset"], 0, out var offset) || limit is < 0 or > 10_000 || offset is < 0 or > 10_000)
        {
            return SampleReply.ClobError(400, "limit and offset must be whole numbers from 0 to 10000");
        }

        var snapshot = universe.FindCondition(market, clock.Now.UtcTicks, out var index);
        return snapshot is null
            ? SampleReply.JsonBody(200, w => { w.WriteStartArray(); w.WriteEndArray(); })
            : SampleReply.JsonBody(200, w => TradesWriter.Write(w, snapshot, index, limit, offset, seed));
    }

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        result = fallback;
        return value.Count == 0 || int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }
}
