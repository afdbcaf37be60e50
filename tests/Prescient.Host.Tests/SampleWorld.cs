using Microsoft.Extensions.Configuration;
using Prescient.Host.Hosting;
using Prescient.Sample.Server;
using Prescient.Testing;

namespace Prescient.Host.Tests;

/// <summary>
/// A sample server on loopback and a Prescient runtime talking to it over real HTTP, both on one
/// frozen clock, with a fresh data folder: the setup every "against the sample server" test shares.
/// </summary>
internal sealed class SampleWorld : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private SampleWorld(TempDirectory dir, FrozenClock clock, SampleServer server, PrescientRuntime runtime)
    {
        _dir = dir;
        Clock = clock;
        Server = server;
        Runtime = runtime;
    }

    public FrozenClock Clock { get; }

    public SampleServer Server { get; }

    public PrescientRuntime Runtime { get; }

    public IServiceProvider Services => Runtime.Services;

    public string DataDirectory => _dir.Path;

    /// <param name="settings">Settings on top of the data folder and the server's URLs (e.g. <c>Filters:MinDaysToEnd</c>).</param>
    public static async Task<SampleWorld> StartAsync(SampleServerOptions server, DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dir = new TempDirectory();
        var clock = new FrozenClock(start);
        var sample = await SampleServer.StartAsync(server, clock, CancellationToken.None);
        var values = new Dictionary<string, string?>
        {
            ["Data"] = dir.Path,
            ["Polymarket:GammaUrl"] = sample.BaseAddress.ToString(),
            ["Polymarket:ClobUrl"] = sample.BaseAddress.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var runtime = await PrescientRuntime.StartAsync(configuration, _ => { }, CancellationToken.None, clock);
        return new SampleWorld(dir, clock, sample, runtime);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
