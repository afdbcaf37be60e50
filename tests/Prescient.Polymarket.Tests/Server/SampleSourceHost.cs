using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Markets;
using Prescient.Sample.Server;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Server;

/// <summary>
/// The production registration pointed at a real sample server on 127.0.0.1 (Gamma and CLOB on one
/// port), its simulated clock standing at <see cref="Start"/> until a test advances it, with retry
/// delays shortened and every log entry captured. The CLOB can be aimed at a second server instead.
/// </summary>
internal sealed class SampleSourceHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly SampleServer? _clobServer;

    private SampleSourceHost(SampleServer server, SampleServer? clobServer, ServiceProvider services, LogCapture logs)
    {
        Server = server;
        _clobServer = clobServer;
        Services = services;
        Logs = logs;
    }

    public SampleServer Server { get; }

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    public IMarketSource Source => Services.GetRequiredService<IMarketSource>();

    /// <summary>Starts the sample server and, when <paramref name="clobFaults"/> is given, a second one with those faults that serves the CLOB.</summary>
    public static async Task<SampleSourceHost> StartAsync(FaultOptions? clobFaults = null, ScenarioOptions? scenarios = null)
    {
        var clock = new FrozenClock(Start);
        var server = await SampleServer.StartAsync(new SampleServerOptions { Scenarios = scenarios ?? new() }, clock, CancellationToken.None);
        var clobServer = clobFaults is null
            ? null
            : await SampleServer.StartAsync(new SampleServerOptions { Faults = clobFaults }, clock, CancellationToken.None);
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddPolymarket(o =>
        {
            o.Source = MarketSourceInfo.Sample;
            o.GammaUrl = server.BaseAddress;
            o.ClobUrl = (clobServer ?? server).BaseAddress;
            o.DataApiUrl = server.BaseAddress;
            o.MaxRetries = 2;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
        });
        return new SampleSourceHost(server, clobServer, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_clobServer is not null)
        {
            await _clobServer.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
