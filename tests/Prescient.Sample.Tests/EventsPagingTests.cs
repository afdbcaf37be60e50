using System.Net;
using System.Text.Json.Nodes;

namespace Prescient.Sample.Tests;

public sealed class EventsPagingTests
{
    [Fact]
    public async Task Keyset_WalkOpenEvents_ReturnsEachOpenEventOnceMatchingGroundTruth()
    {
        await using var harness = await SampleHarness.StartAsync();

        var events = await Paging.WalkAsync(harness, "events/keyset", "limit=37&closed=false", "events");

        var expected = harness.Server.Universe.EventsAt(harness.Now).Select(e => e.EventId).ToList();
        var ids = events.Select(Paging.Id).ToList();
        Assert.Equal(300, expected.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expected, ids);
        Assert.All(events, e => Assert.False(e["closed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Keyset_ActiveAndArchivedFilters_MatchGroundTruth()
    {
        await using var harness = await SampleHarness.StartAsync();

        var events = await Paging.WalkAsync(harness, "events/keyset", "limit=500&active=true&closed=false&archived=false", "events");

        var expected = harness.Server.Universe.EventsAt(harness.Now).Where(e => e.Active && !e.Archived).Select(e => e.EventId);
        Assert.Equal(expected, events.Select(Paging.Id));
        Assert.True(events.Count < 300);
    }

    [Fact]
    public async Task Keyset_TagSlugFilter_KeepsOnlyTaggedEvents()
    {
        await using var harness = await SampleHarness.StartAsync();

        var events = await Paging.WalkAsync(harness, "events/keyset", "limit=100&closed=false&tag_slug=crypto", "events");

        var expected = harness.Server.Universe.EventsAt(harness.Now).Where(e => e.TagSlugs.Contains("crypto")).Select(e => e.EventId).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, events.Select(Paging.Id));
        Assert.All(events, e => Assert.Contains(e["tags"]!.AsArray(), t => t!["slug"]!.GetValue<string>() == "crypto"));
    }

    [Fact]
    public async Task Keyset_LastPage_HasNoNextCursor()
    {
        await using var harness = await SampleHarness.StartAsync();

        var page = (await harness.GetJsonAsync("events/keyset?limit=500&closed=false")).AsObject();

        Assert.Equal(300, page["events"]!.AsArray().Count);
        Assert.False(page.ContainsKey("next_cursor"));
    }

    [Fact]
    public async Task Keyset_CursorWithDifferentFilters_Returns422()
    {
        await using var harness = await SampleHarness.StartAsync();
        var first = await harness.GetJsonAsync("events/keyset?limit=10&closed=false&active=true");
        var cursor = Uri.EscapeDataString(first["next_cursor"]!.GetValue<string>());

        using var response = await harness.Http.GetAsync(new Uri($"events/keyset?limit=10&closed=false&after_cursor={cursor}", UriKind.Relative));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("validation error", body["type"]!.GetValue<string>());
        Assert.Equal("cursor does not match the query", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keyset_CursorWithDifferentLimit_IsAccepted()
    {
        await using var harness = await SampleHarness.StartAsync();
        var first = await harness.GetJsonAsync("events/keyset?limit=10&closed=false");
        var cursor = Uri.EscapeDataString(first["next_cursor"]!.GetValue<string>());

        var second = await harness.GetJsonAsync($"events/keyset?limit=20&closed=false&after_cursor={cursor}");

        Assert.Equal(20, second["events"]!.AsArray().Count);
    }

    [Fact]
    public async Task Keyset_OffsetParameter_Returns422()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.GetAsync(new Uri("events/keyset?offset=20&closed=false", UriKind.Relative));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("offset is not supported, use after_cursor", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keyset_LimitOverMaximum_IsClampedTo500()
    {
        await using var harness = await SampleHarness.StartAsync(new() { Events = 700 });

        var page = await harness.GetJsonAsync("events/keyset?limit=5000&closed=false");

        Assert.Equal(500, page["events"]!.AsArray().Count);
        Assert.NotNull(page["next_cursor"]);
    }

    [Fact]
    public async Task Legacy_DeepOffset_Returns422WithDeprecationHeaders()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.GetAsync(new Uri("events?limit=20&offset=2020&closed=false", UriKind.Relative));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("offset too large, use /events/keyset for deeper pagination", body["error"]!.GetValue<string>());
        Assert.Equal("true", response.Headers.GetValues("deprecation").Single());
        Assert.Equal("Fri, 01 May 2026 00:00:00 GMT", response.Headers.GetValues("sunset").Single());
    }

    [Fact]
    public async Task Legacy_Page_IsArrayWithDeprecationHeaders()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.GetAsync(new Uri("events?limit=20&offset=40&closed=false", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal("true", response.Headers.GetValues("deprecation").Single());
        Assert.Equal("Fri, 01 May 2026 00:00:00 GMT", response.Headers.GetValues("sunset").Single());
        Assert.Contains("use /events/keyset", response.Headers.GetValues("warning").Single(), StringComparison.Ordinal);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(e => e!["id"]!.GetValue<string>());
        Assert.Equal(harness.Server.Universe.EventsAt(harness.Now).Skip(40).Take(20).Select(e => e.EventId), ids);
    }

    [Fact]
    public async Task Legacy_ClosedOmitted_IncludesClosedEvents()
    {
        await using var harness = await SampleHarness.StartAsync();

        var events = (await harness.GetJsonAsync("events?limit=100")).AsArray();

        Assert.Contains(events, e => e!["closed"]!.GetValue<bool>());
        Assert.Contains(events, e => !e!["closed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EventById_UnknownId_Returns404()
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.GetAsync(new Uri("events/99", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
