using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Host.Hosting;
using Prescient.Host.Workers;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary>
/// <c>prescient worker --role quotes|signals|execution|all --bus redis --redis host:port --store postgres --pg …</c>:
/// one worker of the cycle's stages on Redis Streams, sharing the PostgreSQL store with every other.
/// Its own CSVs and logs go to <c>&lt;data&gt;/workers/&lt;name&gt;</c>, so workers on one machine never share a folder.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var role = new Option<WorkerRole>("--role") { Description = "The stages this worker runs: quotes, signals, execution or all (default).", DefaultValueFactory = _ => WorkerRole.All };
        var name = new Option<string>("--name") { Description = "This worker's consumer name (default host-pid); a restarted worker may reuse its name." };
        var untilIdle = new Option<bool>("--until-idle") { Description = "Stop once no message of its stages is waiting or unfinished (else run until Ctrl+C)." };
        var command = new Command("worker", "Run the cycle's stages from Redis Streams (README, Beyond one machine): any number of workers, on any number of machines.") { role, name, untilIdle };
        command.SetAction(async (parse, ct) =>
        {
            var consumer = parse.GetValue(name) is { Length: > 0 } given ? given : $"{Environment.MachineName}-{Environment.ProcessId}";
            var configuration = context.Options.BuildConfiguration(parse);
            var settings = PrescientSettings.From(configuration);
            if (!settings.IsPostgres || configuration["Bus:Kind"] != "redis")
            {
                throw new SettingsException("a worker shares the PostgreSQL store over Redis: add --bus redis --redis host:port --store postgres --pg \"…\".");
            }

            var folder = Path.Combine(settings.DataDirectory, "workers", consumer);
            configuration = context.Options.BuildConfiguration(parse, new Dictionary<string, string?> { ["Data"] = folder });
            await using var runtime = await PrescientRuntime.StartAsync(configuration, CliContext.ConfigureLogging, ct);
            context.Console.MarkupLineInterpolated($"Worker [bold]{consumer}[/] ({parse.GetValue(role)}) on {configuration["Bus:Redis"]}; its files in {folder}. Ctrl+C stops it.");
            var summary = await runtime.Services.GetRequiredService<PipelineWorker>().RunAsync(parse.GetValue(role), consumer, parse.GetValue(untilIdle), ct);
            context.Console.MarkupLineInterpolated($"Worker {consumer} stopped: {summary.Handled} messages handled, {summary.Failed} failed attempts, {summary.DeadLettered} moved to the dead letters.");
            return 0;
        });
        return command;
    }
}
