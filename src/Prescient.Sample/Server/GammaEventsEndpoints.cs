using System.Globalization;
using System.Text.Json;
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

    private readonly OrderedListing _ordered = new(universe);

    public void Map(IEndpointRouteBuilder app, ReplyPipeline pipeline)
    {
        app.MapGet("/events/keyset", pipeline.Handle(SampleRoutes.EventsKeyset, Api.Gamma, Keyset));
        app.MapGet("/events", pipeline.Handle(SampleRoutes.Events, Api.Gamma, Legacy));
        app.MapGet("/events/{id}", pipeline.Handle(SampleRoutes.EventById, Api.Gamma, ById));
    }

    /// <summary>As Gamma: <c>closed=false</c> lists open events, <c>closed=true</c> closed ones, no value lists both.</summary>
    internal static ClosedFilter Filter(bool? closed) => closed switch
    {
        true => ClosedFilter.Closed,
        false => ClosedFilter.Open,
        null => ClosedFilter.Any,
    };

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

        if (RefuseOrder(query) is { } refused)
        {
            return refused;
        }

        long after = 0;
        decimal? afterKey = null;
        if (query.AfterCursor is { } cursor && KeysetCursor.TryDecode(cursor, query.Fingerprint, out after, out afterKey) is { } error)
        {
            return SampleReply.Validation(error);
        }

        var ticks = clock.Now.UtcTicks;
        var page = Select(query, ticks, after, afterKey, 0, query.Limit + 1);
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
                var last = page[^1];
                w.WriteString("next_cursor", KeysetCursor.Encode(query.Fingerprint, last.Id, query.IsDefaultOrder ? null : last.Key));
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
            : RefuseOrder(query) ?? LegacyPage(query);
        reply.Headers.Add(new("deprecation", "true"));
        reply.Headers.Add(new("sunset", "Fri, 01 May 2026 00:00:00 GMT"));
        reply.Headers.Add(new("warning", "299 - \"use /events/keyset\""));
        return reply;
    }

    private SampleReply LegacyPage(ListingQuery query)
    {
        var ticks = clock.Now.UtcTicks;
        var page = Select(query, ticks, 0, null, query.Offset ?? 0, query.Limit);
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

    /// <summary>Sorting by anything but ascending id needs every event at hand: only the open ones (at most Events) are sorted.</summary>
    private static SampleReply? RefuseOrder(ListingQuery query) =>
        query.IsDefaultOrder || query.Closed == false
            ? null
            : SampleReply.Validation("order fields are not valid: the sample market sorts by other than ascending id only with closed=false");

    /// <summary>The events of one page: after the cursor position, then <paramref name="skip"/> more, then at most <paramref name="take"/>.</summary>
    private List<OrderedListing.Entry> Select(ListingQuery query, long ticks, long afterId, decimal? afterKey, int skip, int take)
    {
        if (query.IsDefaultOrder)
        {
            return [.. query.Events(universe, ticks, Filter(query.Closed), afterId)
                .Skip(skip)
                .Take(take)
                .Select(k => new OrderedListing.Entry(0, SampleIds.EventId(k.Slot, k.Generation), k.Slot, k.Generation))];
        }

        var sorted = _ordered.Sorted(query, ticks);
        var start = afterId > 0 ? OrderedListing.IndexAfter(sorted, afterKey ?? afterId, afterId, query.Ascending) : 0;
        return [.. sorted.Skip(start).Where(e => _ordered.IsOpen(e, ticks)).Skip(skip).Take(take)];
    }

    private void WriteEvents(Utf8JsonWriter w, List<OrderedListing.Entry> page, long ticks)
    {
        foreach (var entry in page)
        {
            GammaEventWriter.Write(w, new EventSnapshot(universe.Factory.Create(entry.Slot, entry.Generation), ticks), universe.Ids, withChildren: true);
        }
    }
}
