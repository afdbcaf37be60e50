using System.Diagnostics;

namespace Prescient.Cli.Tests;

/// <summary>A real <c>prescient</c> process (the CLI its own project built), its output drained from the start, that a test may SIGKILL.</summary>
internal sealed record CliProcess(Process Process, Task<string> Output, Task<string> Error) : IDisposable
{
    public static CliProcess Start(params string[] args)
    {
        var cli = CliAssembly();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + cli);

        // Drain both pipes from the start so a chatty child never blocks on a full pipe.
        return new CliProcess(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    /// <summary>SIGKILL, unless it has exited already; returns once it is gone.</summary>
    public Task KillAsync() => KillAsync(Process);

    public static async Task KillAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public void Dispose() => Process.Dispose();

    /// <summary>
    /// The CLI as its own project built it (tests/Prescient.Cli.Tests/bin/C/T → src/Prescient.Cli/bin/C/T):
    /// the copy in this test's folder carries the CLI's dependency manifest but not all its assemblies.
    /// </summary>
    private static string CliAssembly()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "src", "Prescient.Cli", "bin", bin.Parent!.Name, bin.Name, "prescient.dll");
    }
}
