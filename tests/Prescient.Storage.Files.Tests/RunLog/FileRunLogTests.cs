using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Runs;
using Prescient.Storage.Files.Runs;

namespace Prescient.Storage.Files.Tests.RunLog;

public sealed class FileRunLogTests : DataFolderTest
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LastAsync_NothingRecorded_NullAndCreatesNoFile()
    {
        var log = new FileRunLog(Folder);

        Assert.Null(await log.LastAsync(RunKinds.Cycle, CancellationToken.None));
        Assert.False(File.Exists(Folder.RunLog));
    }

    [Fact]
    public async Task AppendAsync_Records_AppendOnlySnakeCaseAndTheLastOfEachKindReadBackByANewInstance()
    {
        var log = new FileRunLog(Folder);
        var first = new RunRecord(RunKinds.Cycle, At, At.AddSeconds(12), true, "3 trades");
        var close = new RunRecord(RunKinds.EndOfDay, At.AddHours(9), At.AddHours(9).AddSeconds(1), true, "day closed");
        var failed = new RunRecord(RunKinds.Cycle, At.AddDays(1), At.AddDays(1).AddSeconds(2), false, "Gamma unreachable");

        foreach (var record in new[] { first, close, failed })
        {
            await log.AppendAsync(record, CancellationToken.None);
        }

        var reopened = new FileRunLog(Folder);
        Assert.Equal(failed, await reopened.LastAsync(RunKinds.Cycle, CancellationToken.None));
        Assert.Equal(close, await reopened.LastAsync(RunKinds.EndOfDay, CancellationToken.None));
        var lines = await File.ReadAllLinesAsync(Folder.RunLog);
        Assert.Equal(5, lines.Length);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Folder.RunLog))!.AsArray();
        Assert.Equal(
            ["kind", "started_at", "finished_at", "succeeded", "summary"],
            json[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("2026-03-02T09:00:00Z", (string?)json[0]!["started_at"]);
    }

    [Fact]
    public async Task RecentAsync_TheLastRecordsOfEveryKindNewestFirst_AndNoFileCreatedWhenNoneYet()
    {
        var log = new FileRunLog(Folder);
        Assert.Empty(await log.RecentAsync(5, CancellationToken.None));
        Assert.False(File.Exists(Folder.RunLog));
        var records = Enumerable.Range(0, 4)
            .Select(i => new RunRecord(i % 2 == 0 ? RunKinds.Cycle : RunKinds.EndOfDay, At.AddHours(i), At.AddHours(i), true, $"run {i}"))
            .ToArray();
        foreach (var record in records)
        {
            await log.AppendAsync(record, CancellationToken.None);
        }

        Assert.Equal([records[3], records[2], records[1]], await new FileRunLog(Folder).RecentAsync(3, CancellationToken.None));
        Assert.Equal(records.Reverse(), await log.RecentAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task LastAsync_TornTail_RepairedKeepingEveryCompleteRecord()
    {
        var log = new FileRunLog(Folder);
        var kept = new RunRecord(RunKinds.Cycle, At, At, true, "kept");
        await log.AppendAsync(kept, CancellationToken.None);
        var text = await File.ReadAllTextAsync(Folder.RunLog);
        await File.WriteAllTextAsync(Folder.RunLog, text[..^3] + ",\n{\"kind\":\"cycle\",\"started_");

        var last = await new FileRunLog(Folder).LastAsync(RunKinds.Cycle, CancellationToken.None);

        Assert.Equal(kept, last);
        Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(Folder.RunLog))!.AsArray());
    }

    [Fact]
    public void AddFileStorage_RegistersOneRunLogOverTheFolder()
    {
        using var services = new ServiceCollection().AddFileStorage(Folder.Root).BuildServiceProvider();

        var log = Assert.IsType<FileRunLog>(services.GetRequiredService<IRunLog>());

        Assert.Same(log, services.GetRequiredService<FileRunLog>());
        Assert.Equal(Folder.RunLog, log.Path);
        Assert.Equal(Path.Combine(Folder.Root, "history", "run_log.json"), Folder.RunLog);
    }
}
