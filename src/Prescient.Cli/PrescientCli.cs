using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Cli.Commands;
using Prescient.Host.Logging;
using Spectre.Console;

namespace Prescient.Cli;

/// <summary>The <c>prescient</c> command: parses, runs, and turns any failure into one line and a non-zero exit.</summary>
public static class PrescientCli
{
    /// <summary>
    /// Whether the build has the commands that run on the JIT only (serve, worker, config, db, history,
    /// fills, backtest, sweep): true but in the native build (PublishAot, Prescient.Cli.csproj), where
    /// the switch is false at compile time, so those commands and what only they use (ASP.NET Core's
    /// API, SignalR and OpenAPI, the Redis bus, the PostgreSQL store's tools) are left out of the program.
    /// </summary>
    [FeatureSwitchDefinition(JitOnlyCommandsSwitch)]
    internal static bool JitOnlyCommands => !AppContext.TryGetSwitch(JitOnlyCommandsSwitch, out var on) || on;

    private const string JitOnlyCommandsSwitch = "Prescient.Cli.JitOnlyCommands";

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);
        var context = new CliContext(console, error, new GlobalOptions());
        var root = new RootCommand("Prescient: paper trading for Polymarket prediction markets.");
        foreach (var option in context.Options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(CycleCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        root.Subcommands.Add(RefreshCommand.Create(context));
        root.Subcommands.Add(SignalsCommand.Create(context));
        root.Subcommands.Add(ExecuteCommand.Create(context));
        root.Subcommands.Add(PositionsCommand.Create(context));
        root.Subcommands.Add(TradesCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(EndOfDayCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(SimulateCommand.Create(context));
        if (JitOnlyCommands)
        {
            root.Subcommands.Add(HistoryCommand.Create(context));
            root.Subcommands.Add(FillsCommand.Create(context));
            root.Subcommands.Add(BacktestCommand.Create(context));
            root.Subcommands.Add(SweepCommand.Create(context));
            root.Subcommands.Add(DbCommand.Create(context));
            root.Subcommands.Add(WorkerCommand.Create(context));
            root.Subcommands.Add(ConfigCommand.Create(context));
            root.Subcommands.Add(ServeCommand.Create(context));
        }

        root.Subcommands.Add(SampleCommand.Create(context));

        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: cancelled");
            return 130;
        }
        catch (Exception e) when (CliErrors.Describe(e) is { } line)
        {
            await error.WriteLineAsync("error: " + line);
            return 1;
        }
    }
}

/// <summary>What every command needs: where to print, where errors go, the shared options.</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Error, GlobalOptions Options)
{
    /// <summary>
    /// Command runs log warnings and errors to stderr (progress and tables go to stdout), and from
    /// Information up to the data folder's daily file (Logging:File:MinimumLevel).
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging) =>
        logging.AddConsoleLog(new ConsoleLog(System.Console.Error, LogLevel.Warning));
}
