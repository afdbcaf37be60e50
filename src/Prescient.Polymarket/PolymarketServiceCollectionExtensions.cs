using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Clob;
using Prescient.Polymarket.Gamma;
using Prescient.Polymarket.Http;

namespace Prescient.Polymarket;

/// <summary>Registers the Polymarket clients and <see cref="IMarketSource"/>.</summary>
public static class PolymarketServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GammaClient"/> and <see cref="ClobClient"/> (typed HttpClients with the
    /// resilience pipeline of <see cref="PolymarketOptions"/>), <see cref="PolymarketMarketSource"/>
    /// as <see cref="IMarketSource"/>, <see cref="ClobPriceHistorySource"/> as <see cref="IPriceHistorySource"/>,
    /// <see cref="GammaEventParser"/> as <see cref="IEventParser"/>,
    /// options validation at start-up, and <see cref="TimeProvider.System"/> unless a TimeProvider is
    /// already registered.
    /// </summary>
    public static IServiceCollection AddPolymarket(this IServiceCollection services, Action<PolymarketOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PolymarketOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(PolymarketMarketSource)))
        {
            // Already registered: a second call only adds configuration, never a second set of handlers.
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolymarketOptions>, PolymarketOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PolymarketRateLimiters>();
        services.TryAddSingleton<GammaEventParser>();
        services.TryAddSingleton<IEventParser>(sp => sp.GetRequiredService<GammaEventParser>());
        services.TryAddTransient<JsonValidationHandler>();
        services.TryAddTransient<RequestMetricsHandler>();

        AddClient<GammaClient>(services, "polymarket-gamma", o => o.GammaUrl, limiters => limiters.Gamma);
        AddClient<ClobClient>(services, "polymarket-clob", o => o.ClobUrl, limiters => limiters.Clob);
        AddClient<Data.DataApiClient>(services, "polymarket-data", o => o.DataApiUrl, limiters => limiters.Data);
        services.TryAddTransient<Engine.Trading.Audit.IMarketPrints>(sp => sp.GetRequiredService<Data.DataApiClient>());

        services.TryAddSingleton<PolymarketMarketSource>();
        services.TryAddSingleton<IMarketSource>(sp => sp.GetRequiredService<PolymarketMarketSource>());
        services.TryAddSingleton<IPriceHistorySource, ClobPriceHistorySource>();
        return services;
    }

    /// <summary>As <see cref="AddPolymarket(IServiceCollection, Action{PolymarketOptions}?)"/>, binding the options from <paramref name="section"/> (normally "Polymarket").</summary>
    public static IServiceCollection AddPolymarket(
        this IServiceCollection services,
        IConfiguration section,
        Action<PolymarketOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<PolymarketOptions>().Bind(section);
        return services.AddPolymarket(configure);
    }

    private static void AddClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        IServiceCollection services,
        string pipelineName,
        Func<PolymarketOptions, Uri> baseAddress,
        Func<PolymarketRateLimiters, EndpointRateLimiter> limiter)
        where TClient : class
    {
        var http = services.AddHttpClient<TClient>((sp, client) =>
            {
                var o = sp.GetRequiredService<IOptions<PolymarketOptions>>().Value;
                var address = baseAddress(o).ToString();
                client.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

                // The resilience pipeline owns timeouts (per attempt and in total).
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.Clear();
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", o.UserAgent);
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            })
            // Clients live inside a singleton source: pooled connections are recycled instead of handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Handlers run in the order added: the validation handler sits inside the resilience
        // handler, so a malformed body fails the attempt and is retried.
        http.AddResilienceHandler(pipelineName, (builder, context) =>
            {
                var sp = context.ServiceProvider;
                var o = sp.GetRequiredService<IOptions<PolymarketOptions>>().Value;
                PolymarketResilience.Configure(
                    builder,
                    o,
                    limiter(sp.GetRequiredService<PolymarketRateLimiters>()),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TClient)),
                    baseAddress(o).Authority);
            });
        http.AddHttpMessageHandler<RequestMetricsHandler>();
        http.AddHttpMessageHandler<JsonValidationHandler>();
    }
}
