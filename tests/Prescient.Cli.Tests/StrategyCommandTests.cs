using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Cli.Tests;

/// <summary>An unknown <c>Strategy:Name</c> is refused at start by every command, in one line naming the known strategies.</summary>
public sealed class StrategyCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("cycle")]
    [InlineData("status")]
    public async Task Command_UnknownStrategyName_FailsAtStartWithOneLineNamingTheKnownOnes(string command)
    {
        var config = Path.Combine(_dir.Path, "settings.json");
        await File.WriteAllTextAsync(config, """{ "Strategy": { "Name": "momentum" } }""");

        var run = await CliRun.RunAsync(command, "--data", Path.Combine(_dir.Path, "data"), "--config", config);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "error: invalid settings: Strategy:Name 'momentum' is not a known strategy; known: favourite, threshold.",
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r'));
        var folder = new DataFolder(Path.Combine(_dir.Path, "data"));
        Assert.False(File.Exists(folder.PaperTrades));
    }

    public void Dispose() => _dir.Dispose();
}
