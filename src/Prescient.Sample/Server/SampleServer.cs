using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>
/// A local HTTP server (Kestrel, plain HTTP) that speaks the Gamma and CLOB formats for a
/// <see cref="SampleUniverse"/>, on one port, with deterministic faults on demand. Used offline by
/// <c>prescient refresh --source sample</c>, <c>prescient sample serve</c>, tests and benchmarks.
/// </summary>
public sealed class SampleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly ScenarioOptions _scenarios;
    private readonly MarketChannelEndpoint _marketChannel;

    private SampleServer(WebApplication app, MarketChannelEndpoint marketChannel, Uri baseAddress, SampleUniverse universe, SampleClock clock, SampleServerStats stats, ScenarioOptions scenarios)
    {
        _app = app;
        _marketChannel = marketChannel;
        _scenarios = scenarios;
        BaseAddress = baseAddress;
        Universe = universe;
        Clock = clock;
        Stats = stats;
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/ (Gamma and CLOB paths alike).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The market channel WebSocket, e.g. ws://127.0.0.1:41234/ws/market.</summary>
    public Uri MarketChannelAddress => new(new UriBuilder(BaseAddress) { Scheme = "ws" }.Uri, "ws/market");

    /// <summary>The universe served; its <see cref="SampleUniverse.EventsAt"/> at <see cref="SampleClock.Now"/> is the ground truth of every reply.</summary>
    public SampleUniverse Universe { get; }

    /// <summary>The simulated clock every reply is computed at.</summary>
    public SampleClock Clock { get; }

    public SampleServerStats Stats { get; }

    /// <summary>
    /// Starts a server; throws <see cref="ArgumentException"/> with a one-line reason when an option is
    /// out of range. <paramref name="time"/> drives the simulated clock (see <see cref="SampleClock"/>).
    /// </summary>
    public static async Task<SampleServer> StartAsync(SampleServerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        var universe = new SampleUniverse(new SampleUniverseOptions { Seed = options.Seed, Events = options.Events, MiddayResolutions = options.Scenarios.MiddayResolutions });
        TemplateStore.Warm();
        var clock = new SampleClock(time);
        var stats = new SampleServerStats();

        // An empty builder: no appsettings, environment or command line of the hosting process leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(options.ParseHost()!, options.Port));
        builder.Services.AddRoutingCore();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseWebSockets();

        var pipeline = new ReplyPipeline(new FaultPlan(options.Faults, stats), stats);
        new GammaEventsEndpoints(universe, clock).Map(app, pipeline);
        new GammaMarketsEndpoints(universe, clock, options.Scenarios).Map(app, pipeline);
        new ClobEndpoints(universe, clock, options.Scenarios).Map(app, pipeline);
        new DataApiEndpoints(universe, clock, options.Seed).Map(app, pipeline);
        new FeeRateEndpoints(universe, clock).Map(app, pipeline);
        new ControlEndpoints(clock).Map(app, pipeline);
        var books = new SampleBooks(universe, options.Scenarios);
        var marketChannel = new MarketChannelEndpoint(books, clock, time, options, stats, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<MarketChannelEndpoint>());
        marketChannel.Map(app);

        await app.StartAsync(cancellationToken);
        marketChannel.Start();
        app.Lifetime.ApplicationStopping.Register(marketChannel.Stop);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleServer(app, marketChannel, new Uri(address.TrimEnd('/') + "/"), universe, clock, stats, options.Scenarios);
    }

    /// <summary>
    /// Whether, with <see cref="ScenarioOptions.GhostBooks"/> on, the CLOB answers a ghost 0.01/0.99 book
    /// for <paramref name="tokenId"/> at <paramref name="time"/> (when it has a book for it at all); the
    /// ground truth (<see cref="SampleUniverse.EventsAt"/>) always shows the real market.
    /// </summary>
    public bool HasGhostBook(string tokenId, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(tokenId);
        return _scenarios.GhostBooks
            && Universe.Ids.TryParseTokenId(tokenId, out var marketId, out var outcome)
            && GhostBook.Affects(Universe.Options.Seed, marketId, outcome, time.UtcTicks);
    }

    /// <summary>Completes when the server is stopped or <paramref name="cancellationToken"/> is cancelled (then stops it).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _marketChannel.DisposeAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
