using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Intraday;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;
using Prescient.Host.Api;
using Prescient.Host.Dashboard;
using Prescient.Host.Feed;
using Prescient.Polymarket.Feed;
using Prescient.Host.Hosting;
using Prescient.Host.Logging;
using Prescient.Host.Scheduling;
using Prescient.Host.Security;
using Prometheus;
using Scalar.AspNetCore;

namespace Prescient.Host;

/// <summary>
/// <c>prescient serve</c>: the dashboard at <c>/</c> with its hub, the REST API with its OpenAPI
/// document (/openapi/v1.json) and browsable UI (/scalar), bound to 127.0.0.1 by default (any other
/// address needs an <see cref="AccessToken"/>), and the scheduler (section "Schedule"). Holds the
/// data-folder lock while it runs; logs to the data folder's daily file (and to a console <c>logging</c> adds).
/// Runs <see cref="StartupRecovery"/> before it listens or schedules anything.
/// </summary>
public sealed class PrescientApi : IAsyncDisposable
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    private readonly WebApplication _app;
    private readonly RunResources _resources;

    private PrescientApi(WebApplication app, RunResources resources)
    {
        _app = app;
        _resources = resources;
    }

    /// <summary>The addresses the server listens on (the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToArray();

    public IServiceProvider Services => _app.Services;

    /// <summary>Where market data comes from (the in-process sample market, when it runs one).</summary>
    internal MarketBackend Backend => _resources.Backend;

    public static async Task<PrescientApi> StartAsync(
        IConfiguration configuration,
        string urls,
        Action<ILoggingBuilder>? logging,
        CancellationToken cancellationToken,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var token = AccessToken.Resolve(configuration, urls);
        var resources = await RunResources.AcquireAsync(configuration, time, cancellationToken);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Configuration.AddConfiguration(configuration);
            builder.WebHost.UseUrls(urls);
            builder.Logging.AddPrescientLogging(configuration, resources.Settings.DataDirectory, time);
            logging?.Invoke(builder.Logging);

            builder.Services.AddSingleton(time);
            builder.Services.AddPrescient(configuration, resources.Settings, resources.Backend);
            builder.Services.AddPrescientScheduler();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<ApiExceptionHandler>();
            builder.Services.AddOpenApi();
            builder.Services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
            builder.Services.AddSingleton<DashboardNotifier>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardNotifier>());
            builder.Services.AddHostedService(sp => new LedgerFollower(sp.GetRequiredService<DashboardNotifier>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<Engine.Storage.ILedgerNotifications>()));
            builder.Services.AddHostedService(sp => new Observability.ServeMetrics(sp.GetRequiredService<Engine.Runs.RunGuard>(), sp.GetRequiredService<Engine.TimeSeries.ITimeSeriesSink>(), sp.GetService<ILiveFeedStatus>(), sp.GetService<Bus.Redis.RedisBus>()));
            if (configuration.GetValue("Feed:Enabled", true))
            {
                var feed = new MarketFeedOptions();
                configuration.GetSection(MarketFeedOptions.SectionName).Bind(feed);
                feed.Url = resources.Backend.WsUrl;
                builder.Services.AddSingleton(feed);
                if (FeedTapeSettings.From(configuration, resources.Settings.DataDirectory) is { } tape)
                {
                    builder.Services.AddSingleton(tape);
                }
                if (configuration.GetValue<bool>($"{IntradayOptions.SectionName}:{nameof(IntradayOptions.Enabled)}"))
                {
                    builder.Services.AddSingleton<IntradayMode>();
                }

                builder.Services.AddSingleton<LiveFeedService>();
                builder.Services.AddSingleton<ILiveFeedStatus>(sp => sp.GetRequiredService<LiveFeedService>());
                builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveFeedService>());
            }

            builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

            var app = builder.Build();
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.UseSecurityHeaders();
            app.UseDashboardPage();
            app.UseAccessToken(token);
            app.UseDashboardNotifications();
            app.MapOpenApi();
            // Offline-friendly: no web fonts from Scalar's CDN (its page keeps to this server, under its own CSP).
            app.MapScalarApiReference(o => o.DefaultFonts = false);
            app.MapHealthApi();
            app.MapEventsApi();
            app.MapMarketsApi();
            app.MapStrategyApi();
            app.MapPaperTradingApi();
            app.MapHistoryApi();
            app.MapTradingApi();
            app.MapReportsApi();
            app.MapDashboard();
            Observability.ServeMetrics.ConfigureExport();
            app.MapMetrics("/metrics");
            // An unknown Strategy:Name (or a strategy out of range) stops serve here, in one line, before it listens.
            app.Services.GetRequiredService<IStrategy>();
            await app.Services.GetRequiredService<StartupRecovery>().RunAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
            return new PrescientApi(app, resources);
        }
        catch
        {
            await resources.DisposeAsync();
            throw;
        }
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _resources.DisposeAsync();
    }
}
