using System.Text.Json;
using Prescient.Bus.Redis;
using Prescient.Domain.Signals;
using Prescient.Storage.Files.Json;
using Prescient.Storage.Postgres;
using Prescient.Testing;
using Prescient.Testing.Postgres;
using Prescient.Testing.Redis;
using StackExchange.Redis;

namespace Prescient.Cli.Tests;

/// <summary>
/// The cycle on Redis Streams against the real Redis and PostgreSQL of <c>scripts/services</c>: workers
/// of different roles share one cycle and trade what the in-process cycle trades; two execution workers
/// racing on the same signals trade each once; a message that keeps failing goes to the dead letters;
/// a live setting changes the next signal run.
/// </summary>
public sealed class WorkerCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private PostgresDatabase _db = null!;

    private RedisDatabase _redisDb = null!;

    private string Redis => _redisDb.Address;

    private ConnectionMultiplexer Multiplexer => _redisDb.Connection;

    private string[] Shared => ["--bus", "redis", "--redis", Redis, "--store", "postgres", "--pg", _db.ConnectionString, "--data", _dir.Path];

    public async Task InitializeAsync()
    {
        _db = await PostgresDatabase.CreateAsync();
        _redisDb = await RedisDatabase.CreateAsync();
    }

    [Fact]
    public async Task Simulate10Days_OnPostgresAndRedis_GivesTheFileStoresTradesAndFinalEquity()
    {
        // Each morning's signals executed in parts of 7 on the bus (the in-process cycle takes them whole).
        var files = Path.Combine(_dir.Path, "files");
        var config = Path.Combine(_dir.Path, "parts.json");
        await File.WriteAllTextAsync(config, """{ "Bus": { "ExecutionBatch": 7 } }""");
        var onFiles = await CliRun.RunAsync("simulate", "--days", "10", "--data", files, "--config", config);
        var onServers = await CliRun.RunAsync(["simulate", "--days", "10", .. Shared, "--config", config]);

        Assert.True(onFiles.ExitCode == 0, onFiles.Error);
        Assert.True(onServers.ExitCode == 0, onServers.Error);
        var folder = new Storage.Files.DataFolder(files);
        var expected = await new Storage.Files.Trading.FileTradingStore(folder).Ledger.ReadAllAsync(CancellationToken.None);
        var traded = await new PostgresTradeLedger(_db.Source).ReadAllAsync(CancellationToken.None);
        Assert.True(expected.Count > 50, $"only {expected.Count} records in 10 days");
        Assert.Equal(expected, traded);
        var fileDays = await new Storage.Files.History.FileHistoryStore(folder).ReadPortfolioHistoryAsync(CancellationToken.None);
        var serverDays = await new PostgresHistoryStore(_db.Source).ReadPortfolioHistoryAsync(CancellationToken.None);
        Assert.Equal(10, serverDays.Count);
        Assert.Equal(fileDays.Select(d => (d.Date, d.Equity, d.Cash)), serverDays.Select(d => (d.Date, d.Equity, d.Cash)));
        var parts = (await new PostgresRunLog(_db.Source).RecentAsync(100, CancellationToken.None)).Count(r => r.Summary.Contains("parts executed", StringComparison.Ordinal));
        Assert.True(parts > 0, "no morning's signals were executed in parts");
    }

    [Fact]
    public async Task ACycle_SharedByWorkersOfEachRole_RunsEachStageOnce_AndChecks()
    {
        // Parts of 4 signals, shared by two execution workers at once.
        var config = Path.Combine(_dir.Path, "parts.json");
        await File.WriteAllTextAsync(config, """{ "Bus": { "ExecutionBatch": 4 } }""");
        string[] shared = [.. Shared, "--config", config];
        var queued = await CliRun.RunAsync(["cycle", .. shared]);
        var quotes = await CliRun.RunAsync(["worker", "--role", "quotes", "--name", "q", "--until-idle", .. shared]);
        var signals = await CliRun.RunAsync(["worker", "--role", "signals", "--name", "s", "--until-idle", .. shared]);
        var entries = await Multiplexer.GetDatabase().StreamRangeAsync(BusStreams.SignalsGenerated);
        var published = entries.SelectMany(e => JsonSerializer.Deserialize<List<Signal>>((string)e["payload"]!, PrescientJson.CompactOptions)!).ToList();
        var execution = await Task.WhenAll(
            CliRun.RunAsync(["worker", "--role", "execution", "--name", "e1", "--until-idle", .. shared]),
            CliRun.RunAsync(["worker", "--role", "execution", "--name", "e2", "--until-idle", .. shared]));
        var check = await CliRun.RunAsync(["check", .. shared]);
        var status = await CliRun.RunAsync(["status", .. shared]);

        foreach (var run in new[] { queued, quotes, signals, execution[0], execution[1], check, status })
        {
            Assert.True(run.ExitCode == 0, run.Error + run.Output);
        }

        Assert.Contains("1 messages handled", quotes.Output, StringComparison.Ordinal);
        Assert.Contains("1 messages handled", signals.Output, StringComparison.Ordinal);
        Assert.True(entries.Length > 1, $"the cycle's {published.Count} signals went out in {entries.Length} message(s)");
        Assert.Equal(Enumerable.Range(0, entries.Length).Select(i => $"{i}/{entries.Length}"), entries.Select(e => (string)e["part"]!));
        Assert.Equal(published.Count, published.Select(s => s.SignalId).Distinct().Count());
        Assert.Equal(entries.Length + 1, execution.Sum(e => Handled(e.Output)));
        var traded = await new PostgresTradeLedger(_db.Source).ReadAllAsync(CancellationToken.None);
        Assert.NotEmpty(traded);
        Assert.Equal(traded.Count, traded.Select(t => t.SignalId).Distinct().Count());
        Assert.Subset(published.Select(s => s.SignalId).ToHashSet(), traded.Select(t => t.SignalId!.Value).ToHashSet());
        var marks = (await new PostgresRunLog(_db.Source).RecentAsync(20, CancellationToken.None)).Where(r => r.Summary.StartsWith("bus cycle", StringComparison.Ordinal)).ToList();
        var mark = Assert.Single(marks);
        Assert.Contains($"{entries.Length} parts executed", mark.Summary, StringComparison.Ordinal);
        Assert.Contains("bus cycle", status.Output, StringComparison.Ordinal);
        Assert.Contains("Work bus", status.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await new RedisBus(Multiplexer).StatusAsync()).Stages.Sum(s => s.Pending + s.Lag));
    }

    private static int Handled(string output) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"(\d+) messages handled").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TwoExecutionWorkers_RacingOnTheSameSignals_TradeEachOnce()
    {
        await CliRun.RunAsync(["cycle", .. Shared]);
        await CliRun.RunAsync(["worker", "--role", "quotes", "--until-idle", .. Shared]);
        await CliRun.RunAsync(["worker", "--role", "signals", "--until-idle", .. Shared]);
        var bus = new RedisBus(Multiplexer);
        var payloads = (await Multiplexer.GetDatabase().StreamRangeAsync(BusStreams.SignalsGenerated)).Select(e => (string)e["payload"]!).ToList();
        var signals = payloads.SelectMany(p => JsonSerializer.Deserialize<List<Signal>>(p, PrescientJson.CompactOptions)!).ToList();
        for (var i = 0; i < 6; i++)
        {
            for (var part = 0; part < payloads.Count; part++)
            {
                await bus.PublishAsync(BusStreams.SignalsGenerated, $"again-{i}", payloads[part], new MessagePart(part, payloads.Count));
            }
        }

        var racers = await Task.WhenAll(
            CliRun.RunAsync(["worker", "--role", "execution", "--name", "a", "--until-idle", .. Shared]),
            CliRun.RunAsync(["worker", "--role", "execution", "--name", "b", "--until-idle", .. Shared]));
        var check = await CliRun.RunAsync(["check", .. Shared]);

        Assert.All(racers, r => Assert.True(r.ExitCode == 0, r.Error));
        var traded = await new PostgresTradeLedger(_db.Source).ReadAllAsync(CancellationToken.None);
        var buys = traded.Where(t => t.SignalId is not null).Select(t => t.SignalId!.Value).ToList();
        Assert.NotEmpty(buys);
        Assert.Equal(buys.Distinct().Count(), buys.Count);
        Assert.Subset(signals.Select(s => s.SignalId).ToHashSet(), buys.ToHashSet());
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Equal(0, (await bus.StatusAsync()).Stages.Sum(s => s.Pending + s.Lag));
    }

    [Fact]
    public async Task AMessageThatKeepsFailing_GoesToTheDeadLetters_AfterMaxAttempts_AndStatusShowsIt()
    {
        var bus = new RedisBus(Multiplexer);
        await bus.EnsureGroupsAsync();
        await bus.PublishAsync(BusStreams.SignalsGenerated, "poison", "{not json");
        var config = Path.Combine(_dir.Path, "bus.json");
        await File.WriteAllTextAsync(config, """{ "Bus": { "MaxAttempts": 3, "ClaimAfter": "00:00:00.050", "PollInterval": "00:00:00.020" } }""");

        var run = await CliRun.RunAsync(["worker", "--role", "execution", "--until-idle", "--config", config, .. Shared]);
        var status = await CliRun.RunAsync(["status", .. Shared]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("0 messages handled, 3 failed attempts, 1 moved to the dead letters", run.Output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var dead = await Multiplexer.GetDatabase().StreamRangeAsync(BusStreams.DeadLetters);
        Assert.Equal("poison", (string?)Assert.Single(dead)["cycle"]);
        Assert.Contains("Dead letters", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiveSetting_TakesEffectAtTheNextSignalRun_AndABadValueIsRefused()
    {
        var bad = await CliRun.RunAsync("config", "set", "strategy.threshold", "1.5", "--redis", Redis);
        var unknown = await CliRun.RunAsync("config", "set", "strategy.thresold", "0.6", "--redis", Redis);
        var set = await CliRun.RunAsync("config", "set", "strategy.stake", "50", "--redis", Redis, "--data", _dir.Path);
        await CliRun.RunAsync(["cycle", .. Shared]);
        var worker = await CliRun.RunAsync(["worker", "--role", "all", "--until-idle", .. Shared]);

        Assert.NotEqual(0, bad.ExitCode);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("not a live strategy setting", unknown.Error, StringComparison.Ordinal);
        Assert.True(set.ExitCode == 0 && worker.ExitCode == 0, set.Error + worker.Error);
        var buys = (await new PostgresTradeLedger(_db.Source).ReadAllAsync(CancellationToken.None)).Where(t => t.Kind == Domain.Trading.TradeKind.Buy).ToList();
        Assert.NotEmpty(buys);
        Assert.All(buys, t => Assert.True(t.Cost.Value + t.Fees.Value <= 50m, $"{t.SignalId} spent {t.Cost} + {t.Fees} with a 50 stake"));
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(_dir.Path, "logs")), f => File.ReadAllText(f).Contains("Live setting Strategy:Stake set to 50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorkersHeartbeat_ShowsItInStatusWithItsCounts_UntilItIsGone()
    {
        var bus = new RedisBus(Multiplexer);
        await bus.EnsureGroupsAsync();
        await bus.HeartbeatAsync("exec-1", "execution", 3, 1);

        var alive = await CliRun.RunAsync(["status", .. Shared]);
        var ttl = await Multiplexer.GetDatabase().KeyTimeToLiveAsync("prescient:worker:exec-1");
        await bus.GoneAsync("exec-1");
        var gone = await bus.StatusAsync();

        Assert.True(alive.ExitCode == 0, alive.Error);
        Assert.Matches(@"exec-1\s*│\s*execution\s*│\s*3\s*│\s*1", alive.Output);
        Assert.NotNull(ttl);
        Assert.True(ttl <= RedisBus.HeartbeatTtl, $"the heartbeat lives {ttl}");
        Assert.Empty(gone.Workers);
    }

    [Fact]
    public async Task AWorkerAskedToStop_BySigterm_StopsCleanly_SaysWhatItHandled_AndLeavesTheStatus()
    {
        using var worker = CliProcess.Start(["worker", "--role", "execution", "--name", "term-1", .. Shared]);
        await worker.WaitForOutputAsync("Ctrl+C");
        await worker.TerminateAsync();

        Assert.True(worker.Process.ExitCode == 0, await worker.Error);
        Assert.Contains("Worker term-1 stopped: 0 messages handled", (await worker.Output).ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.False(await Multiplexer.GetDatabase().KeyExistsAsync("prescient:worker:term-1"));
    }

    public async Task DisposeAsync()
    {
        await _redisDb.DisposeAsync();
        await _db.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();
}
