using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Prescient.Testing;

namespace Prescient.Host.Tests;

/// <summary>A real <c>prescient serve</c> on 127.0.0.1 (random port) over a fresh data folder and the in-process sample market.</summary>
public sealed class ApiFixture : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private ApiFixture(TempDirectory dir, PrescientApi api)
    {
        _dir = dir;
        Api = api;

        // A wildcard bind (0.0.0.0) is reached on loopback: tests never leave this machine.
        BaseAddress = new UriBuilder(api.Addresses[0]) { Host = "127.0.0.1" }.Uri;
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public PrescientApi Api { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _dir.Path;

    /// <summary>
    /// Starts on a fresh folder with the schedule and the live feed off (a test must not meet a scheduled cycle, nor marks moving under it);
    /// <paramref name="settings"/> adds or overrides configuration keys.
    /// </summary>
    public static async Task<ApiFixture> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string urls = "http://127.0.0.1:0")
    {
        var dir = new TempDirectory();
        var values = new Dictionary<string, string?> { ["Data"] = dir.Path, ["Sample:Events"] = "120", ["Schedule:Enabled"] = "false", ["Feed:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        try
        {
            var api = await PrescientApi.StartAsync(configuration, urls, null, CancellationToken.None);
            return new ApiFixture(dir, api);
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>POSTs with no body; asserts a 2xx and returns the JSON reply.</summary>
    public async Task<JsonNode> PostJsonAsync(string path)
    {
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>GETs; asserts a 2xx and returns the JSON reply.</summary>
    public async Task<JsonNode> GetJsonAsync(string path) => JsonNode.Parse(await GetTextAsync(path))!;

    /// <summary>GETs; asserts a 2xx and returns the body.</summary>
    public async Task<string> GetTextAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> and returns the status code.</summary>
    public async Task<HttpStatusCode> SendAsync(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>GETs <paramref name="path"/>, expecting a ProblemDetails reply; returns its status code.</summary>
    public async Task<HttpStatusCode> GetProblemAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        _dir.Dispose();
    }
}
