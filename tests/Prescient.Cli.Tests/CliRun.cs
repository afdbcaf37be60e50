using Spectre.Console;

namespace Prescient.Cli.Tests;

/// <summary>Runs the real <c>prescient</c> entry point in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(interactive: false, args);

    /// <summary>As on a terminal when <paramref name="interactive"/>: progress bars are drawn (as plain text).</summary>
    public static async Task<CliRun> RunAsync(bool interactive, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var exit = await PrescientCli.RunAsync(args, console, error, CancellationToken.None);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
