using System.CommandLine;
using Microsoft.Extensions.Logging;
using Prescient.Bus.Redis;
using Prescient.Engine.Signals;
using Prescient.Host.Hosting;
using Prescient.Host.Logging;
using Prescient.Host.Workers;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient config set strategy.threshold 0.6 --redis host:port</c> (and <c>unset</c>, <c>list</c>): the
/// live strategy settings every worker reads at its next signal run, no restart. A value the strategy
/// refuses is refused here, before any worker sees it; every change is logged.
/// </summary>
internal static class ConfigCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("config", "Live strategy settings on Redis (--redis), read by every worker at its next signal run.");
        var key = new Argument<string>("key") { Description = "A strategy setting, e.g. strategy.threshold or strategy.stake." };
        var value = new Argument<string>("value") { Description = "The new value, e.g. 0.6." };
        var set = new Command("set", "Set a live strategy setting (checked by the strategy first).") { key, value };
        set.SetAction(async (parse, ct) =>
        {
            using var session = Open(context, parse, parse.GetValue(key)!);
            var (settings, configKey) = (session.Settings, session.Key);
            var logger = session.Logs.CreateLogger("Prescient.Config");
            var live = new Dictionary<string, string>(await settings.ReadAsync()) { [configKey] = parse.GetValue(value)! };
            var strategy = LiveSignals.Build(context.Options.BuildConfiguration(parse), live);
            await settings.SetAsync(configKey, parse.GetValue(value)!);
            var described = string.Join(", ", strategy.Settings.Select(p => $"{p.Key}={p.Value}"));
            logger.LogInformation("Live setting {Key} set to {Value} ({Strategy}: {Settings})", configKey, parse.GetValue(value), strategy.Name, described);
            context.Console.MarkupLineInterpolated($"{configKey} = [bold]{parse.GetValue(value)}[/]: workers use it from their next signal run ({strategy.Name}: {described}).");
            return 0;
        });
        var unsetKey = new Argument<string>("key") { Description = "The live setting to remove (the configuration's own value applies again)." };
        var unset = new Command("unset", "Remove a live strategy setting.") { unsetKey };
        unset.SetAction(async (parse, ct) =>
        {
            using var session = Open(context, parse, parse.GetValue(unsetKey)!);
            var (settings, configKey) = (session.Settings, session.Key);
            var logger = session.Logs.CreateLogger("Prescient.Config");
            var removed = await settings.RemoveAsync(configKey);
            logger.LogInformation("Live setting {Key} removed ({Removed})", configKey, removed);
            context.Console.WriteLine(removed ? $"{configKey} removed: the configuration's own value applies from the next signal run." : $"{configKey} was not set.");
            return 0;
        });
        var list = new Command("list", "The live strategy settings now set.");
        list.SetAction(async (parse, ct) =>
        {
            using var session = Open(context, parse, null);
            var all = await session.Settings.ReadAsync();
            context.Console.WriteLine(all.Count == 0 ? "No live settings: the configuration's own apply." : string.Join(Environment.NewLine, all.Select(p => $"{p.Key} = {p.Value}")));
            return 0;
        });
        command.Subcommands.Add(set);
        command.Subcommands.Add(unset);
        command.Subcommands.Add(list);
        return command;
    }

    /// <summary>The sections live settings may change, and the options record each binds.</summary>
    private static readonly (string Prefix, string Section, Type[] Options)[] Sections =
    [
        ("strategy.favourite.", FavouriteStrategyOptions.SectionName, [typeof(FavouriteStrategyOptions)]),
        ("strategy.", ThresholdStrategyOptions.SectionName, [typeof(ThresholdStrategyOptions), typeof(StrategySelectionOptions)]),
    ];

    /// <summary>
    /// The settings hash at --redis, <paramref name="key"/> as the configuration key it names
    /// (strategy.threshold → Strategy:Threshold; refused unless a strategy's options have it), and a
    /// logger factory writing to the data folder's log; disposing it flushes the log and closes the connection.
    /// </summary>
    private static Session Open(CliContext context, ParseResult parse, string? key)
    {
        var configuration = context.Options.BuildConfiguration(parse);
        var redis = configuration["Bus:Redis"] is { Length: > 0 } address ? address : throw new SettingsException("config needs --redis host:port (e.g. 127.0.0.1:56379).");
        var configKey = key is null ? string.Empty : ConfigKey(key);
        var settings = PrescientSettings.From(configuration);
        var connection = WorkerServices.Connect(redis);
        return new Session(new RedisSettings(connection), configKey, LoggerFactory.Create(b => b.AddPrescientLogging(configuration, settings.DataDirectory, TimeProvider.System)), connection);
    }

    private sealed record Session(RedisSettings Settings, string Key, ILoggerFactory Logs, IDisposable Connection) : IDisposable
    {
        public void Dispose()
        {
            Logs.Dispose();
            Connection.Dispose();
        }
    }

    private static string ConfigKey(string key)
    {
        foreach (var (prefix, section, options) in Sections)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = key[prefix.Length..];
                var property = options.SelectMany(t => t.GetProperties()).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Name != nameof(StrategySelectionOptions.Assembly));
                if (property is not null)
                {
                    return $"{section}:{property.Name}";
                }
            }
        }

        throw new SettingsException($"'{key}' is not a live strategy setting: use strategy.NAME (threshold, stake, side, max_spread as MaxSpread, name…) or strategy.favourite.NAME.");
    }
}
