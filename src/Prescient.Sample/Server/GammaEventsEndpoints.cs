using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>Gamma <c>/events/keyset</c>, legacy <c>/events</c> and <c>/events/{id}</c>.</summary>
internal sealed class GammaEventsEndpoints(SampleUniverse universe, SampleClock clock)
{
    /// <summary>Legacy offset paging refuses offsets past this (Gamma since the 2026 sunset).</summary>
    public const int MaxLegacyOffset = 2000;

    public void Map(IEndpointRouteBuilder app, ReplyPipeline pipeline)
    {
        app.MapGet("/events/keyset", pipeline.Handle(SampleRoutes.EventsKeyset, Api.Gamma, Keyset));
        app.MapGet("/events", pipeline.Handle(SampleRoutes.Events, Api.Gamma, Legacy));
        app.MapGet("/events/{id}", pipeline.Handle(SampleRoutes.EventById, Api.Gamma, ById));
    }

    private SampleReply Keyset(HttpContext context)
    {
        if (ListingQuery.TryParse(context.Request.Query, 20, 500, out var query) is { } invalid)
        {
            return invalid;
        }

        if (query.Offset is not null)
        {
            return SampleReply.Validation("offset is not supported, use after_cursor");
        }

        long after = 0;
        if (query.AfterCursor is { } cursor && KeysetCursor.TryDecode(cursor, query.Fingerprint, out after) is { } error)
        {
            return SampleReply.Validation(error);
        }

        var ticks = clock.Now.UtcTicks;
        var page = query.Events(universe, ticks, Filter(query.Closed), after).Take(query.Limit + 1).ToList();
        var more = page.Count > query.Limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return SampleReply.JsonBody(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("events");
            WriteEvents(w, page, ticks);
            w.WriteEndArray();
            if (more)
            {
                var (slot, generation) = page[^1];
                w.WriteString("next_cursor", KeysetCursor.Encode(query.Fingerprint, SampleIds.EventId(slot, generation)));
            }

            w.WriteEndObject();
        });
    }

    private SampleReply Legacy(HttpContext context)
    {
        if (ListingQuery.TryParse(context.Request.Query, 20, 500, out var query) is { } invalid)
        {
            return invalid;
        }

        var reply = query.Offset > MaxLegacyOffset
            ? SampleReply.Validation("offset too large, use /events/keyset for deeper pagination")
            : LegacyPage(query);
        reply.Headers.Add(new("deprecation", "true"));
        reply.Headers.Add(new("sunset", "Fri, 01 May 2026 00:00:00 GMT"));
        reply.Headers.Add(new("warning", "299 - \"use /events/keyset\""));
        return reply;
    }

    private SampleReply LegacyPage(ListingQuery query)
    {
        var ticks = clock.Now.UtcTicks;
        var page = query.Events(universe, ticks, Filter(query.Closed), 0).Skip(query.Offset ?? 0).Take(query.Limit).ToList();
        return SampleReply.JsonBody(200, w =>
        {
            w.WriteStartArray();
            WriteEvents(w, page, ticks);
            w.WriteEndArray();
        });
    }

    private SampleReply ById(HttpContext context)
    {
        var text = context.Request.RouteValues["id"] as string;
        var snapshot = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? universe.FindEvent(id, clock.Now.UtcTicks)
            : null;
        return snapshot is null
            ? SampleReply.Text(404, "404 page not found")
            : SampleReply.JsonBody(200, w => GammaEventWriter.Write(w, snapshot, universe.Ids, withChildren: true));
    }

    /// <summary>As Gamma: <c>closed=false</c> lists open events, <c>closed=true</c> closed ones, no value lists both.</summary>
    internal static ClosedFilter Filter(bool? closed) => closed switch
    {
        true => ClosedFilter.Closed,
        false => ClosedFilter.Open,
        null => ClosedFilter.Any,
    };

    private void WriteEvents(System.Text.Json.Utf8JsonWriter w, List<(int Slot, int Generation)> page, long ticks)
    {
        foreach (var (slot, generation) in page)
        {
            GammaEventWriter.Write(w, new EventSnapshot(universe.Factory.Create(slot, generation), ticks), universe.Ids, withChildren: true);
        }
    }
}
