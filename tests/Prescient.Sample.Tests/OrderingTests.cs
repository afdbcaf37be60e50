using System.Net;
using System.Text.Json.Nodes;

namespace Prescient.Sample.Tests;

public sealed class OrderingTests
{
    [Fact]
    public async Task Keyset_OrderVolumeDescending_WalksEveryOpenEventOnceByVolume()
    {
        await using var harness = await SampleHarness.StartAsync();

        var events = await Paging.WalkAsync(harness, "events/keyset", "limit=40&closed=false&order=volume&ascending=false", "events");

        var truth = harness.Server.Universe.EventsAt(harness.Now);
        Assert.Equal(truth.Select(e => e.EventId).Order(), events.Select(Paging.Id).Order());
        var volumes = events.Select(e => Paging.Dec(e["volume"])).ToList();
        Assert.Equal(volumes.OrderDescending(), volumes);
    }

    [Fact]
    public async Task Keyset_OrderEndDateAscending_SortsByTheInstantNotTheText()
    {
        await using var harness = await SampleHarness.StartAsync();

        var events = await Paging.WalkAsync(harness, "events/keyset", "limit=100&closed=false&order=endDate&ascending=true", "events");

        var truth = harness.Server.Universe.EventsAt(harness.Now).ToDictionary(e => e.EventId, e => e.EndDate);
        var ends = events.Select(e => truth[Paging.Id(e)]).ToList();
        Assert.Equal(300, ends.Count);
        Assert.Equal(ends.Order(), ends);
    }

    [Fact]
    public async Task Keyset_OrderIdDescending_ReversesTheDefaultOrder()
    {
        await using var harness = await SampleHarness.StartAsync();

        var events = await Paging.WalkAsync(harness, "events/keyset", "limit=64&closed=false&order=id&ascending=false", "events");

        Assert.Equal(harness.Server.Universe.EventsAt(harness.Now).Select(e => e.EventId).Reverse(), events.Select(Paging.Id));
    }

    [Theory]
    [InlineData("events/keyset?closed=true&order=volume&ascending=false")]
    [InlineData("events/keyset?closed=false&order=bogus")]
    [InlineData("markets/keyset?closed=false&order=volume")]
    public async Task Keyset_UnsupportedOrder_Returns422(string path)
    {
        await using var harness = await SampleHarness.StartAsync();

        using var response = await harness.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.StartsWith("order fields are not valid", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
