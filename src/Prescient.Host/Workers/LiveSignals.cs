using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Bus.Redis;
using Prescient.Engine.Signals;
using Prescient.Host.Hosting;

namespace Prescient.Host.Workers;

/// <summary>
/// The signal run of a worker, with the live settings of Redis laid over the configuration at each run:
/// none set, the process's own strategy; otherwise one built from the overlaid settings by the same
/// catalog and validation as at start-up. A change of the settings is logged once, at the run that
/// first uses it.
/// </summary>
public sealed partial class LiveSignals(IServiceProvider services, IConfiguration configuration, RedisSettings settings, ILogger<LiveSignals> logger)
{
    private IReadOnlyDictionary<string, string> _applied = new Dictionary<string, string>();

    public async Task<SignalsResult> GenerateAsync(CancellationToken cancellationToken)
    {
        var live = await settings.ReadAsync();
        if (!live.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(_applied.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            LogApplied(logger, live.Count == 0 ? "none (the configuration's own)" : string.Join(", ", live.Select(p => $"{p.Key}={p.Value}")));
            _applied = live;
        }

        var strategy = live.Count == 0 ? services.GetRequiredService<IStrategy>() : Build(configuration, live);
        return await ActivatorUtilities.CreateInstance<SignalService>(services, strategy).GenerateAsync(cancellationToken);
    }

    /// <summary>The strategy <paramref name="live"/> gives over <paramref name="configuration"/>; throws as start-up does when a value is out of range.</summary>
    public static IStrategy Build(IConfiguration configuration, IReadOnlyDictionary<string, string> live)
    {
        var overlaid = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(live.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))
            .Build();
        using var scope = new ServiceCollection()
            .AddSingleton<IConfiguration>(overlaid)
            .AddSingleton(TimeProvider.System)
            .AddPrescientOptions(overlaid)
            .BuildServiceProvider();
        return StrategyCatalog.Create(scope);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live settings now in use: {Settings}")]
    private static partial void LogApplied(ILogger logger, string settings);
}
