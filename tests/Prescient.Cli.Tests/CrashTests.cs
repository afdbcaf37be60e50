using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// Kills real <c>prescient execute</c> processes with SIGKILL at random moments and checks the file
/// contract afterwards: every JSON file parses after every kill, no ledger record is ever lost or
/// doubled, <c>prescient check</c> passes right after each kill (rebuilding a portfolio left behind the
/// ledger, and saying so), and after one uninterrupted run it passes with nothing to rebuild.
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
        await File.WriteAllTextAsync(config, """{ "Sample": { "Events": 1500 }, "Trading": { "MaxTotalExposure": 100000, "CashReserve": 0, "InitialCash": 100000 } }""");
        await RunOkAsync(config, "refresh");
        await RunOkAsync(config, "signals");
        var random = new Random(20261125);
        var seen = new List<string>();
        var killedMidRun = 0;
        var leftBehind = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            using var run = Start(config, "execute");
            if (kill % 3 == 0)
            {
                await KillAfterAsync(run.Process, TimeSpan.FromMilliseconds(random.Next(0, 1500)));
            }
            else
            {
                await KillWhenLedgerGrowsAsync(run.Process, random.Next(1, 8000));
            }

            killedMidRun += run.Process.ExitCode != 0 ? 1 : 0;
            AssertEveryJsonFileParses();
            var now = LedgerIds();
            Assert.Equal(seen, now.Take(seen.Count));
            seen = now;
            leftBehind += await CheckAfterKillAsync(config, now.Count) > 0 ? 1 : 0;
        }

        Assert.True(killedMidRun >= Kills / 2, $"only {killedMidRun} of {Kills} runs were killed before they finished");
        Assert.True(leftBehind > 0, "no kill left portfolio.json behind the ledger: the check's repair went untested");
        await RunOkAsync(config, "execute");

        AssertEveryJsonFileParses();
        var ids = LedgerIds();
        Assert.Equal(seen, ids.Take(seen.Count));
        Assert.NotEmpty(ids);
        var signalIds = Ledger().Select(t => t.GetProperty("signal_id").GetString()).ToArray();
        Assert.Equal(signalIds.Length, signalIds.Distinct().Count());
        Assert.DoesNotContain("behind", await RunOkAsync(config, "check"), StringComparison.Ordinal);
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

    private CliProcess Start(string config, string command) => CliProcess.Start(command, "--data", _dir.Path, "--config", config);

    /// <summary>SIGKILL after <paramref name="delay"/> (start-up, reading, fetching books…) unless the run finished first.</summary>
    private static async Task KillAfterAsync(Process process, TimeSpan delay)
    {
        using var timeout = new CancellationTokenSource(delay);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await CliProcess.KillAsync(process);
        }
    }

    /// <summary>
    /// SIGKILL as soon as the ledger has grown by <paramref name="bytes"/>: the process is then in the
    /// middle of appending records and rewriting the portfolio, the moments a crash can hurt.
    /// </summary>
    private async Task KillWhenLedgerGrowsAsync(Process process, int bytes)
    {
        var target = LedgerLength() + bytes;
        var grown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(Folder.TradesDirectory, Path.GetFileName(Folder.PaperTrades))
        {
            NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName,
        };
        FileSystemEventHandler onChange = (_, _) =>
        {
            if (LedgerLength() >= target)
            {
                grown.TrySetResult();
            }
        };
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.EnableRaisingEvents = true;
        await Task.WhenAny(grown.Task, process.WaitForExitAsync());
        await CliProcess.KillAsync(process);
    }

    private long LedgerLength() => File.Exists(Folder.PaperTrades) ? new FileInfo(Folder.PaperTrades).Length : 0;

    /// <summary>Its standard output.</summary>
    private async Task<string> RunOkAsync(string config, string command)
    {
        using var run = Start(config, command);
        await run.Process.WaitForExitAsync();
        var output = await run.Output;
        Assert.True(run.Process.ExitCode == 0, $"{command}: {await run.Error}{output}");
        return output;
    }

    /// <summary>
    /// <c>prescient check</c> on the folder exactly as the kill left it: exit 0, and the rebuild said
    /// when <c>portfolio.json</c> was behind the ledger (missing counts as behind by every record).
    /// Returns how many records it was behind.
    /// </summary>
    private async Task<int> CheckAfterKillAsync(string config, int ledgerRecords)
    {
        var behind = ledgerRecords - StoredTradeCount();
        // Spectre wraps long lines at the width of a console that is not a terminal.
        var output = Regex.Replace(await RunOkAsync(config, "check"), @"\s+", " ");
        if (behind > 0)
        {
            Assert.Contains($"portfolio.json was {behind} record", output, StringComparison.Ordinal);
            Assert.Contains("behind the ledger (an interrupted run); rebuilt", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("behind", output, StringComparison.Ordinal);
        }

        Assert.Equal(ledgerRecords, StoredTradeCount());
        return behind;
    }

    private int StoredTradeCount()
    {
        if (!File.Exists(Folder.Portfolio))
        {
            return 0;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Folder.Portfolio));
        return doc.RootElement.GetProperty("trade_count").GetInt32();
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

    private List<string> LedgerIds() => Ledger().Select(t => t.GetProperty("trade_id").GetString()!).ToList();
}
