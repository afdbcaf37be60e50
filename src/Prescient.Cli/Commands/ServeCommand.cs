using System.CommandLine;
using Spectre.Console;
using Microsoft.Extensions.Logging;
using Prescient.Host;
using Prescient.Host.Logging;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient serve</c>: the dashboard, the REST API and the scheduler.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on (default " + PrescientApi.DefaultUrls + "; any address beyond loopback needs an access token: Api:AccessToken).",
            DefaultValueFactory = _ => PrescientApi.DefaultUrls,
        };
        var command = new Command("serve", "Run the live dashboard (/), the REST API with its OpenAPI document (/openapi/v1.json) and browsable UI (/scalar), and the schedule (morning cycle, end of day).") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = context.Options.BuildConfiguration(parse);
            await using var api = await PrescientApi.StartAsync(
                configuration,
                parse.GetValue(urls)!,
                logging => logging.AddConsoleLog(new ConsoleLog(context.Console.Profile.Out.Writer, LogLevel.Information, WithExceptionDetails: true)),
                ct);
            foreach (var address in api.Addresses)
            {
                context.Console.MarkupLineInterpolated($"Prescient dashboard on [bold]{address}[/] (API docs: {new Uri(address, "scalar")})");
            }

            await api.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
