using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests;

public sealed class PolymarketServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPolymarket_ConfigurationSection_BindsEveryKindOfValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Polymarket:GammaUrl"] = "http://127.0.0.1:5050/gamma",
            ["Polymarket:EventsPageSize"] = "100",
            ["Polymarket:AttemptTimeout"] = "00:00:03",
            ["Polymarket:CircuitBreakerFailureRatio"] = "0.25",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddPolymarket(configuration.GetSection(PolymarketOptions.SectionName)).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PolymarketOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5050/gamma"), options.GammaUrl);
        Assert.Equal(100, options.EventsPageSize);
        Assert.Equal(TimeSpan.FromSeconds(3), options.AttemptTimeout);
        Assert.Equal(0.25, options.CircuitBreakerFailureRatio);
        Assert.Equal(500, options.BooksBatchSize);
    }

    [Fact]
    public void AddPolymarket_InvalidOptions_FailOnFirstUseWithEveryReason()
    {
        using var services = new ServiceCollection().AddLogging().AddPolymarket(o =>
        {
            o.EventsPageSize = 501;
            o.BooksConcurrency = 0;
        }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMarketSource>());

        Assert.Equal(
            ["Polymarket:EventsPageSize must be between 1 and 500 (got 501).", "Polymarket:BooksConcurrency must be between 1 and 64 (got 0)."],
            error.Failures);
    }

    [Fact]
    public async Task AddPolymarket_InvalidOptions_StopTheHostAtStartUp()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPolymarket(o => o.MaxRetries = 99);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Polymarket:MaxRetries must be between 0 and 20 (got 99).", error.Failures);
    }

    [Fact]
    public void AddPolymarket_RegisteredTimeProvider_IsKept_AndSourceLabelComesFromOptions()
    {
        var fake = new FakeTimeProvider();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(fake)
            .AddPolymarket(o => o.Source = MarketSourceInfo.Sample)
            .BuildServiceProvider();

        Assert.Same(fake, services.GetRequiredService<TimeProvider>());
        Assert.Equal(MarketSourceInfo.Sample, services.GetRequiredService<IMarketSource>().Info);
        Assert.Same(services.GetRequiredService<PolymarketMarketSource>(), services.GetRequiredService<IMarketSource>());
    }

    [Fact]
    public void AddPolymarket_NothingRegistered_AddsSystemClockAndLiveLabel()
    {
        using var services = new ServiceCollection().AddLogging().AddPolymarket().BuildServiceProvider();

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Equal(MarketSourceInfo.Live, services.GetRequiredService<IMarketSource>().Info);
    }

    [Fact]
    public async Task AddPolymarket_CalledTwice_AddsConfigurationButNotASecondPipeline()
    {
        await using var server = await FakePolymarketServer.StartAsync();
        server.Events.AddRange(FixtureData.EventObjects(FixtureData.MicroStrategy));
        server.Enqueue(FakePolymarketServer.Keyset, new Fault.Status(500, "{}"), new Fault.Status(500, "{}"));
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddPolymarket(o =>
            {
                o.GammaUrl = server.GammaUrl;
                o.RetryBaseDelay = TimeSpan.Zero;
            })
            .AddPolymarket(o => o.MaxRetries = 1)
            .BuildServiceProvider();

        await Assert.ThrowsAsync<MarketDataUnavailableException>(
            () => services.GetRequiredService<IMarketSource>().DiscoverOpenEventsAsync(null, CancellationToken.None).AllEventsAsync());

        Assert.Equal(2, server.Requests(FakePolymarketServer.Keyset).Count);
    }
}
