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
        var files = Path.Combine(_dir.Path, "files");
        var onFiles = await CliRun.RunAsync("simulate", "--days", "10", "--data", files);
        var onServers = await CliRun.RunAsync(["simulate", "--days", "10", .. Shared]);

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
    }

    [Fact]
    public async Task ACycle_SharedByWorkersOfEachRole_RunsEachStageOnce_AndChecks()
    {
        var queued = await CliRun.RunAsync(["cycle", .. Shared]);
        var quotes = await CliRun.RunAsync(["worker", "--role", "quotes", "--name", "q", "--until-idle", .. Shared]);
        var signals = await CliRun.RunAsync(["worker", "--role", "signals", "--name", "s", "--until-idle", .. Shared]);
        var execution = await CliRun.RunAsync(["worker", "--role", "execution", "--name", "e", "--until-idle", .. Shared]);
        var check = await CliRun.RunAsync(["check", .. Shared]);
        var status = await CliRun.RunAsync(["status", .. Shared]);

        foreach (var run in new[] { queued, quotes, signals, execution, check, status })
        {
            Assert.True(run.ExitCode == 0, run.Error + run.Output);
        }

        Assert.Contains("1 messages handled", quotes.Output, StringComparison.Ordinal);
        Assert.Contains("1 messages handled", signals.Output, StringComparison.Ordinal);
        Assert.Contains("2 messages handled", execution.Output, StringComparison.Ordinal);
        var traded = await new PostgresTradeLedger(_db.Source).ReadAllAsync(CancellationToken.None);
        Assert.NotEmpty(traded);
        Assert.Equal(traded.Count, traded.Select(t => t.SignalId).Distinct().Count());
        Assert.Contains("bus cycle", status.Output, StringComparison.Ordinal);
        Assert.Contains("Work bus", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoExecutionWorkers_RacingOnTheSameSignals_TradeEachOnce()
    {
        await CliRun.RunAsync(["cycle", .. Shared]);
        await CliRun.RunAsync(["worker", "--role", "quotes", "--until-idle", .. Shared]);
        await CliRun.RunAsync(["worker", "--role", "signals", "--until-idle", .. Shared]);
        var bus = new RedisBus(Multiplexer);
        var payload = (string)(await Multiplexer.GetDatabase().StreamRangeAsync(BusStreams.SignalsGenerated))[0]["payload"]!;
        var signals = JsonSerializer.Deserialize<List<Signal>>(payload, PrescientJson.CompactOptions)!;
        for (var i = 0; i < 6; i++)
        {
            await bus.PublishAsync(BusStreams.SignalsGenerated, $"again-{i}", payload);
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
    public async Task TheBookCache_GivesBackEveryFieldExactly_AndRedisExpiresItWithinMaxBookAge()
    {
        var cache = new RedisBookCache(Multiplexer, TimeSpan.FromMinutes(5));
        var token = Domain.Ids.TokenId.Create("71321045679252212594626385532706912750332728571942532289631379312455583992563");
        var book = Domain.Books.OrderBook.Create(token, Domain.Ids.ConditionId.Create("0xabc"), [new(0.48m, 120.5m), new(0.47m, 30m)], [new(0.520m, 99.99m)]) with
        {
            TickSize = 0.01m,
            MinOrderSize = 5m,
            Timestamp = new DateTimeOffset(2026, 12, 3, 9, 0, 0, 123, TimeSpan.Zero),
            LastTradePrice = 0.5m,
            NegRisk = false,
            Hash = "h1",
        };

        await cache.StoreAsync(new Dictionary<Domain.Ids.TokenId, Domain.Books.OrderBook> { [token] = book }, CancellationToken.None);
        var got = await cache.GetAsync([token, Domain.Ids.TokenId.Create("absent")], CancellationToken.None);

        var cached = Assert.Single(got).Value;
        Assert.Equal(book.Bids, cached.Bids);
        Assert.Equal(book.Asks, cached.Asks);
        Assert.Equal(book with { }, cached with { }, new BookFields());
        var ttl = await Multiplexer.GetDatabase().KeyTimeToLiveAsync("prescient:book:" + token.Value);
        Assert.NotNull(ttl);
        Assert.True(ttl <= TimeSpan.FromMinutes(5), $"expires in {ttl}");
    }

    public async Task DisposeAsync()
    {
        await _redisDb.DisposeAsync();
        await _db.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Every field of a book, levels included (records compare their lists by reference).</summary>
    private sealed class BookFields : IEqualityComparer<Domain.Books.OrderBook>
    {
        public bool Equals(Domain.Books.OrderBook? x, Domain.Books.OrderBook? y) =>
            x is not null && y is not null && x.TokenId == y.TokenId && x.ConditionId == y.ConditionId
            && x.Bids.SequenceEqual(y.Bids) && x.Asks.SequenceEqual(y.Asks) && x.TickSize == y.TickSize
            && x.MinOrderSize == y.MinOrderSize && x.Timestamp == y.Timestamp && x.LastTradePrice == y.LastTradePrice
            && x.NegRisk == y.NegRisk && x.Hash == y.Hash;

        public int GetHashCode(Domain.Books.OrderBook obj) => obj.TokenId.GetHashCode();
    }
}
