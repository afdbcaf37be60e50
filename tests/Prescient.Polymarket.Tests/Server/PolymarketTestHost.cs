using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Gamma;

namespace Prescient.Polymarket.Tests.Server;

/// <summary>
/// The production registration (<see cref="PolymarketServiceCollectionExtensions.AddPolymarket(IServiceCollection, Action{PolymarketOptions}?)"/>)
/// pointed at a <see cref="FakePolymarketServer"/>, with retry delays shortened so faults cost
/// milliseconds, and every log entry captured.
/// </summary>
internal sealed class PolymarketTestHost : IAsyncDisposable
{
    private PolymarketTestHost(FakePolymarketServer server, ServiceProvider services, LogCapture logs)
    {
        Server = server;
        Services = services;
        Logs = logs;
    }

    public FakePolymarketServer Server { get; }

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; }

    public GammaClient Gamma => Services.GetRequiredService<GammaClient>();

    public ClobClient Clob => Services.GetRequiredService<ClobClient>();

    public IMarketSource Source => Services.GetRequiredService<IMarketSource>();

    public static async Task<PolymarketTestHost> StartAsync(
        Action<FakePolymarketServer>? arrange = null,
        Action<PolymarketOptions>? configure = null)
    {
        var server = await FakePolymarketServer.StartAsync();
        arrange?.Invoke(server);
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddPolymarket(o =>
        {
            o.GammaUrl = server.GammaUrl;
            o.ClobUrl = server.ClobUrl;
            o.MaxRetries = 3;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
            configure?.Invoke(o);
        });
        return new PolymarketTestHost(server, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
