using System.Diagnostics;
using System.Text.Json;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// Kills real <c>prescient execute</c> processes with SIGKILL at random moments and checks the file
/// contract afterwards: every JSON file parses after every kill, no ledger record is ever lost or
/// doubled, and after one uninterrupted run <c>prescient check</c> passes.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Kills = 12;
    private readonly TempDirectory _dir = new();

    private DataFolder Folder => new(_dir.Path);

    [Fact]
    public async Task Execute_KilledAtRandomMoments_LosesAndDoublesNothing()
    {
        var config = Path.Combine(_dir.Path, "settings.json");
        await File.WriteAllTextAsync(config, """{ "Sample": { "Events": 600 }, "Trading": { "MaxTotalExposure": 100000, "CashReserve": 0, "InitialCash": 100000 } }""");
        await RunOkAsync(config, "refresh");
        await RunOkAsync(config, "signals");
        var random = new Random(20261125);
        var seen = new List<string>();
        for (var kill = 0; kill < Kills; kill++)
        {
            using var run = Start(config, "execute");
            await WaitThenKillAsync(run.Process, TimeSpan.FromMilliseconds(random.Next(200, 4000)));

            AssertEveryJsonFileParses();
            var now = LedgerIds();
            Assert.Equal(seen, now.Take(seen.Count));
            seen = now;
        }

        await RunOkAsync(config, "execute");

        AssertEveryJsonFileParses();
        var ids = LedgerIds();
        Assert.Equal(seen, ids.Take(seen.Count));
        Assert.NotEmpty(ids);
        var signalIds = Ledger().Select(t => t.GetProperty("signal_id").GetString()).ToArray();
        Assert.Equal(signalIds.Length, signalIds.Distinct().Count());
        await RunOkAsync(config, "check");
    }

    [Fact]
    public async Task Execute_TwoProcessesAtOnce_OneRunsAndNoSignalTradesTwice()
    {
        var config = Path.Combine(_dir.Path, "settings.json");
        await File.WriteAllTextAsync(config, """{ "Sample": { "Events": 300 } }""");
        await RunOkAsync(config, "refresh");
        await RunOkAsync(config, "signals");

        using var first = Start(config, "execute");
        using var second = Start(config, "execute");
        await Task.WhenAll(first.Process.WaitForExitAsync(), second.Process.WaitForExitAsync());

        Assert.Contains(0, new[] { first.Process.ExitCode, second.Process.ExitCode });
        foreach (var run in new[] { first, second }.Where(r => r.Process.ExitCode != 0))
        {
            Assert.Equal(1, run.Process.ExitCode);
            Assert.Contains("in use", await run.Error, StringComparison.Ordinal);
        }

        var signalIds = Ledger().Select(t => t.GetProperty("signal_id").GetString()).ToArray();
        Assert.NotEmpty(signalIds);
        Assert.Equal(signalIds.Length, signalIds.Distinct().Count());
        await RunOkAsync(config, "check");
    }

    public void Dispose() => _dir.Dispose();

    private RunningCli Start(string config, string command)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "prescient.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, command, "--data", _dir.Path, "--config", config })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + cli);

        // Drain both pipes from the start so a chatty child never blocks on a full pipe.
        return new RunningCli(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    /// <summary>SIGKILL after <paramref name="delay"/> unless the run finished first (then there is nothing to kill).</summary>
    private static async Task WaitThenKillAsync(Process process, TimeSpan delay)
    {
        using var timeout = new CancellationTokenSource(delay);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private async Task RunOkAsync(string config, string command)
    {
        using var run = Start(config, command);
        await run.Process.WaitForExitAsync();
        Assert.True(run.Process.ExitCode == 0, $"{command}: {await run.Error}{await run.Output}");
    }

    private void AssertEveryJsonFileParses()
    {
        foreach (var path in Directory.EnumerateFiles(_dir.Path, "*.json", SearchOption.AllDirectories).Where(p => !p.EndsWith("settings.json", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(path);
            var error = Record.Exception(() => JsonDocument.Parse(text).Dispose());
            Assert.True(error is null, $"{path} is not valid JSON after a kill: {error?.Message}");
        }
    }

    private JsonElement[] Ledger()
    {
        if (!File.Exists(Folder.PaperTrades))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Folder.PaperTrades));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private sealed record RunningCli(Process Process, Task<string> Output, Task<string> Error) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private List<string> LedgerIds() => Ledger().Select(t => t.GetProperty("trade_id").GetString()!).ToList();
}
