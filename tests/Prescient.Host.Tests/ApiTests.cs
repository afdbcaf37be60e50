using System.Net;
using System.Text.Json.Nodes;
using Prescient.Storage.Files;

namespace Prescient.Host.Tests;

public sealed class ApiTests : IAsyncLifetime
{
    private ApiFixture _api = null!;

    public async Task InitializeAsync() => _api = await ApiFixture.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task RefreshAllExports_ThenMarketsRefresh_WritesFilesAndServesThem()
    {
        var events = await _api.PostJsonAsync("/events/refresh-all-exports");
        Assert.True((int)events["events_kept"]! > 0);
        Assert.True((int)events["events_discovered"]! >= (int)events["events_kept"]!);
        Assert.True((bool)events["source"]!["is_simulated"]!);

        var quotes = await _api.PostJsonAsync("/markets/refresh");
        Assert.True((int)quotes["tokens"]! > 0);

        var filtered = await _api.GetJsonAsync("/events/filtered");
        Assert.Equal((int)events["events_kept"]!, (int)filtered["count"]!);
        var markets = await _api.GetJsonAsync("/events/markets");
        Assert.Equal((int)events["markets_extracted"]!, (int)markets["count"]!);
        var cache = await _api.GetJsonAsync("/markets/current");
        Assert.Equal((int)quotes["tokens"]!, (int)cache["count"]!);

        var export = await _api.PostJsonAsync("/markets/export-csv");
        Assert.EndsWith("markets_current.csv", (string)export["files"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportFilteredJson_WritesEventsButNotMarkets()
    {
        await _api.PostJsonAsync("/events/export-filtered-json");

        var folder = new DataFolder(_api.DataDirectory);
        Assert.True(File.Exists(folder.FilteredEvents));
        Assert.False(File.Exists(folder.FilteredMarkets));
    }

    [Fact]
    public async Task MarketsRefresh_BeforeAnyEvents_Is409ProblemDetailsAndWritesNothing()
    {
        using var response = await _api.Client.PostAsync(new Uri("/markets/refresh", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("prescient refresh", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.False(File.Exists(new DataFolder(_api.DataDirectory).MarketCache));
    }

    [Theory]
    [InlineData("/events/filtered")]
    [InlineData("/events/markets")]
    [InlineData("/markets/current")]
    public async Task Get_BeforeAnyRefresh_Is404ProblemDetails(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, await _api.GetProblemAsync(path));
    }

    [Theory]
    [InlineData("GET", "/events/refresh-all-exports")]
    [InlineData("GET", "/markets/refresh")]
    [InlineData("POST", "/events/filtered")]
    [InlineData("DELETE", "/health")]
    public async Task WrongMethod_Is405AndChangesNothing(string method, string path)
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, await _api.SendAsync(method, path));
        Assert.False(File.Exists(new DataFolder(_api.DataDirectory).RawEvents));
    }

    [Fact]
    public async Task Health_ReportsSimulatedSource()
    {
        var health = await _api.GetJsonAsync("/health");

        Assert.Equal("ok", (string)health["status"]!);
        Assert.Equal("sample", (string)health["source"]!);
        Assert.True((bool)health["simulated"]!);
        Assert.EndsWith("Z", (string)health["time"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryRoute()
    {
        var doc = await _api.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "/events/export-filtered-json", "/events/export-markets-json", "/events/refresh-all-exports",
                "/events/filtered", "/events/markets", "/markets/refresh", "/markets/export-csv", "/markets/current", "/health",
            },
            paths);
    }

    [Fact]
    public async Task ScalarUi_IsServed()
    {
        using var response = await _api.Client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ConcurrentRefreshes_AllSucceedAndLeaveValidFiles()
    {
        var calls = Enumerable.Range(0, 4).Select(_ => _api.Client.PostAsync(new Uri("/events/refresh-all-exports", UriKind.Relative), null));

        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var folder = new DataFolder(_api.DataDirectory);
        Assert.NotNull(JsonNode.Parse(await File.ReadAllTextAsync(folder.FilteredMarkets)));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}
