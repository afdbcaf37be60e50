using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Server;

/// <summary>
/// CLOB <c>GET /fee-rate?token_id=</c> and <c>GET /fee-rate/{token_id}</c>: <c>{"base_fee":N}</c>
/// in basis points (<see cref="SampleFees"/>) for a token of any market that exists by now, open or
/// resolved; 404 for a token the universe has not made; 400 for a token id that is not digits.
/// </summary>
internal sealed class FeeRateEndpoints(SampleUniverse universe, SampleClock clock)
{
    public void Map(IEndpointRouteBuilder app, ReplyPipeline pipeline)
    {
        app.MapGet("/fee-rate", pipeline.Handle(SampleRoutes.FeeRate, Api.Clob, c => FeeRate(c.Request.Query["token_id"].ToString())));
        app.MapGet("/fee-rate/{token_id}", pipeline.Handle(SampleRoutes.FeeRateByPath, Api.Clob, c => FeeRate((string?)c.Request.RouteValues["token_id"] ?? "")));
    }

    private SampleReply FeeRate(string token)
    {
        if (token.Length == 0 || !token.All(char.IsAsciiDigit))
        {
            return SampleReply.ClobError(400, "Invalid token id");
        }

        var snapshot = universe.FindToken(token, clock.Now.UtcTicks, out _, out _);
        if (snapshot is null)
        {
            return SampleReply.ClobError(404, "market not found");
        }

        var bps = SampleFees.BaseFeeBps(snapshot.Blueprint.Kind);
        return SampleReply.JsonBody(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("base_fee", bps);
            w.WriteEndObject();
        });
    }
}
