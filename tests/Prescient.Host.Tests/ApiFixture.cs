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
        Client = new HttpClient { BaseAddress = api.Addresses[0] };
    }

    public PrescientApi Api { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _dir.Path;

    public static async Task<ApiFixture> StartAsync()
    {
        var dir = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data"] = dir.Path, ["Sample:Events"] = "120" })
            .Build();
        var api = await PrescientApi.StartAsync(configuration, "http://127.0.0.1:0", null, CancellationToken.None);
        return new ApiFixture(dir, api);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        _dir.Dispose();
    }
}
