using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>
/// Gamma <c>/markets/keyset</c> and <c>/markets/{id}</c>; the same path with a 0x id is the CLOB
/// <c>/markets/{condition_id}</c>, as the two hosts share one port here. With
/// <see cref="ScenarioOptions.MarketsWithoutEvents"/>, <c>/markets/{id}</c> leaves out the nested
/// parent <c>events</c>, as the recorded replies <c>market_resolved_binary_no_won.json</c> and
/// <c>market_closed_binary_accepting_orders_true.json</c> do.
/// </summary>
internal sealed class GammaMarketsEndpoints(SampleUniverse universe, SampleClock clock, ScenarioOptions scenarios)
{
    public void Map(IEndpointRouteBuilder app, ReplyPipeline pipeline)
    {
        app.MapGet("/markets/keyset", pipeline.Handle(SampleRoutes.MarketsKeyset, Api.Gamma, Keyset));
        var gamma = pipeline.Handle(SampleRoutes.MarketById, Api.Gamma, GammaMarket);
        var clob = pipeline.Handle(SampleRoutes.ClobMarket, Api.Clob, ClobMarket);
        app.MapGet("/markets/{id}", context =>
            (context.Request.RouteValues["id"] as string ?? "").StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? clob(context) : gamma(context));
    }

    private SampleReply Keyset(HttpContext context)
    {
        if (ListingQuery.TryParse(context.Request.Query, 20, 100, out var query) is { } invalid)
        {
            return invalid;
        }

        if (query.Offset is not null)
        {
            return SampleReply.Validation("offset is not supported, use after_cursor");
        }

        if (!query.IsDefaultOrder)
        {
            return SampleReply.Validation("order fields are not valid: the sample market lists markets by ascending id only");
        }

        long after = 0;
        if (query.AfterCursor is { } cursor && KeysetCursor.TryDecode(cursor, query.Fingerprint, out after, out _) is { } error)
        {
            return SampleReply.Validation(error);
        }

        // Gamma /markets applies an implicit closed=false.
        var closed = query.Closed ?? false;
        var ticks = clock.Now.UtcTicks;
        var page = new List<(EventSnapshot Snapshot, int Index)>(query.Limit + 1);
        var events = query.Events(universe, ticks, closed ? ClosedFilter.Any : ClosedFilter.Open, after > 0 ? (after / 10) - 1 : 0);
        foreach (var (slot, generation) in events)
        {
            var snapshot = new EventSnapshot(universe.Factory.Create(slot, generation), ticks);
            for (var i = 0; i < snapshot.Markets.Length && page.Count <= query.Limit; i++)
            {
                if (snapshot.Markets[i].Closed == closed && snapshot.Blueprint.Markets[i].Id > after)
                {
                    page.Add((snapshot, i));
                }
            }

            if (page.Count > query.Limit)
            {
                break;
            }
        }

        var more = page.Count > query.Limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return SampleReply.JsonBody(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("markets");
            foreach (var (snapshot, index) in page)
            {
                GammaMarketWriter.Write(w, snapshot, index, universe.Ids, withParentEvent: true);
            }

            w.WriteEndArray();
            if (more)
            {
                var (last, index) = page[^1];
                w.WriteString("next_cursor", KeysetCursor.Encode(query.Fingerprint, last.Blueprint.Markets[index].Id));
            }

            w.WriteEndObject();
        });
    }

    private SampleReply GammaMarket(HttpContext context)
    {
        var text = context.Request.RouteValues["id"] as string;
        var index = 0;
        var snapshot = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? universe.FindMarket(id, clock.Now.UtcTicks, out index)
            : null;
        return snapshot is null
            ? SampleReply.Text(404, "404 page not found")
            : SampleReply.JsonBody(200, w => GammaMarketWriter.Write(w, snapshot, index, universe.Ids, withParentEvent: !scenarios.MarketsWithoutEvents));
    }

    private SampleReply ClobMarket(HttpContext context)
    {
        var conditionId = context.Request.RouteValues["id"] as string ?? "";
        var snapshot = universe.FindCondition(conditionId, clock.Now.UtcTicks, out var index);
        return snapshot is null
            ? SampleReply.ClobError(404, "market not found")
            : SampleReply.JsonBody(200, w => ClobMarketWriter.Write(w, snapshot, index, universe.Ids));
    }
}
