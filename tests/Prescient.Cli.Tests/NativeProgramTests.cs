using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>
/// The native program of the short commands (scripts/build-native.sh: Native AOT, reflection off for JSON,
/// trimmed) against the build these tests run, on the same sources: a simulation writes the same files,
/// byte for byte (and the CSVs <c>export</c> writes again), and the read commands print the same tables. A document a short command reads or writes
/// that the generated JSON metadata lacks works on the JIT build and fails only here. scripts/test.sh builds
/// the program and names it in <c>PRESCIENT_NATIVE_PROGRAM</c>.
/// </summary>
public sealed class NativeProgramTests
{
    [Fact]
    public async Task Simulate_OnTheNativeProgram_WritesTheFilesOfTheJitBuild_AndTheReadCommandsPrintTheSame()
    {
        var program = Environment.GetEnvironmentVariable("PRESCIENT_NATIVE_PROGRAM");
        Assert.False(string.IsNullOrEmpty(program), "PRESCIENT_NATIVE_PROGRAM is not set: scripts/test.sh builds the native program (scripts/build-native.sh) and sets it");
        Assert.True(File.Exists(program), $"no native program at {program}");
        using var jit = new TempDirectory();
        using var native = new TempDirectory();

        var jitRun = await RunAsync(CliProcess.Start("simulate", "--days", "4", "--data", jit.Path));
        var nativeRun = await RunAsync(CliProcess.StartProgram(program, "simulate", "--days", "4", "--data", native.Path));

        Assert.Equal((0, string.Empty), (jitRun.Exit, jitRun.Error));
        Assert.Equal((0, string.Empty), (nativeRun.Exit, nativeRun.Error));
        var files = AssertSameFiles(jit.Path, native.Path);
        Assert.Contains("trades/paper_trades.json", files);
        Assert.Contains("trades/portfolio.json", files);

        // export rewrites the CSVs from the JSON files alone: each build on its own folder, the same bytes.
        File.Delete(Path.Combine(jit.Path, "exports", "trades_summary.csv"));
        File.Delete(Path.Combine(native.Path, "exports", "trades_summary.csv"));
        var jitExport = await RunAsync(CliProcess.Start("export", "--data", jit.Path));
        var nativeExport = await RunAsync(CliProcess.StartProgram(program, "export", "--data", native.Path));
        Assert.Equal((0, 0), (jitExport.Exit, nativeExport.Exit));
        Assert.Contains("exports/trades_summary.csv", AssertSameFiles(jit.Path, native.Path));

        foreach (var command in new[] { "positions", "trades", "check" })
        {
            var expected = await RunAsync(CliProcess.Start(command, "--data", jit.Path));
            var actual = await RunAsync(CliProcess.StartProgram(program, command, "--data", jit.Path));
            Assert.Equal(0, expected.Exit);
            Assert.Equal(expected, actual);
        }

        // status shows the files' ages against the wall clock, so only its equity row is compared.
        var jitStatus = await RunAsync(CliProcess.Start("status", "--data", jit.Path));
        var nativeStatus = await RunAsync(CliProcess.StartProgram(program, "status", "--data", jit.Path));
        Assert.Equal((0, 0), (jitStatus.Exit, nativeStatus.Exit));
        Assert.Equal(EquityRow(jitStatus.Output), EquityRow(nativeStatus.Output));
    }

    /// <summary>The equity status prints (its output's lines come joined by spaces).</summary>
    private static string EquityRow(string status) =>
        System.Text.RegularExpressions.Regex.Match(status, @"│ Equity +│ +([0-9,.]+) │").Groups[1].Value is { Length: > 0 } equity
            ? equity
            : throw new Xunit.Sdk.XunitException("status printed no equity row: " + status);

    /// <summary>Both folders hold the same files (<see cref="Files"/>), byte for byte; their relative paths.</summary>
    private static string[] AssertSameFiles(string jit, string native)
    {
        var files = Files(jit);
        Assert.Equal(files, Files(native));
        foreach (var file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(jit, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(native, file))),
                $"{file} differs between the JIT build and the native program");
        }

        return files;
    }

    /// <summary>The data folder's files by relative path, sorted; the logs (wall-clock stamps on every line) left out.</summary>
    private static string[] Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("logs/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(CliProcess process)
    {
        using (process)
        {
            var output = await process.Output;
            var error = await process.Error;
            await process.Process.WaitForExitAsync();
            return (process.Process.ExitCode, output, error);
        }
    }
}
