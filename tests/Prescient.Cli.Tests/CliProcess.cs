using System.Diagnostics;
using System.Text;

namespace Prescient.Cli.Tests;

/// <summary>
/// A real <c>prescient</c> process (the CLI its own project built), its output drained line by line from
/// the start (so a test can wait for a line it prints), that a test may SIGKILL or SIGTERM.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _seen = new();
    private readonly List<(string Text, TaskCompletionSource Printed)> _waits = [];

    private CliProcess(Process process)
    {
        Process = process;
        var output = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnLine(e.Data, output);
        Output = output.Task;
        Error = process.StandardError.ReadToEndAsync();
        process.BeginOutputReadLine();
    }

    public Process Process { get; }

    /// <summary>Everything printed on standard output, once the process has closed it.</summary>
    public Task<string> Output { get; }

    public Task<string> Error { get; }

    public static CliProcess Start(params string[] args) =>
        StartProgram(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [CliAssembly(), .. args]);

    /// <summary>Any program, <paramref name="program"/> (the native build of the CLI), with its output drained as <see cref="Start"/>'s.</summary>
    public static CliProcess StartProgram(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new CliProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {program} {string.Join(' ', args)}"));
    }

    /// <summary>Completes once the process has printed <paramref name="text"/> (lines joined by spaces, as a narrow console wraps them), or faults when it closed its output without.</summary>
    public Task WaitForOutputAsync(string text)
    {
        lock (_gate)
        {
            if (_seen.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var printed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, printed));
            return printed.Task;
        }
    }

    /// <summary>SIGTERM (what a service manager sends to stop a process); returns once it is gone.</summary>
    public async Task TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await Process.WaitForExitAsync();
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

    private void OnLine(string? line, TaskCompletionSource<string> output)
    {
        lock (_gate)
        {
            if (line is null)
            {
                output.TrySetResult(_seen.ToString());
                foreach (var (text, printed) in _waits)
                {
                    printed.TrySetException(new InvalidOperationException($"the process closed its output without printing '{text}': {_seen}"));
                }

                _waits.Clear();
                return;
            }

            _seen.Append(line).Append(' ');
            var all = _seen.ToString();
            foreach (var (_, printed) in _waits.Where(w => all.Contains(w.Text, StringComparison.Ordinal)))
            {
                printed.TrySetResult();
            }

            _waits.RemoveAll(w => w.Printed.Task.IsCompleted);
        }
    }

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
