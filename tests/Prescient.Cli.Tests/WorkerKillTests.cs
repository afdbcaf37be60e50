using Npgsql;
using Prescient.Bus.Redis;
using Prescient.Storage.Postgres;
using Prescient.Testing;
using Prescient.Testing.Postgres;
using Prescient.Testing.Redis;
using StackExchange.Redis;

namespace Prescient.Cli.Tests;

/// <summary>
/// Execution workers, real processes, SIGKILLed in the middle of a cycle's orders, again and again: each
/// time another worker claims the dead one's message (XAUTOCLAIM) and goes on; no trade is lost or
/// doubled, and <c>prescient check</c> passes after every kill.
/// </summary>
public sealed class WorkerKillTests : IAsyncLifetime, IDisposable
{
    private const int Kills = 6;
    private readonly TempDirectory _dir = new();
    private PostgresDatabase _db = null!;

    private RedisDatabase _redisDb = null!;

    private string Redis => _redisDb.Address;

    private ConnectionMultiplexer Multiplexer => _redisDb.Connection;

    private string Config => Path.Combine(_dir.Path, "settings.json");

    private string[] Shared => ["--bus", "redis", "--redis", Redis, "--store", "postgres", "--pg", _db.ConnectionString, "--data", _dir.Path, "--config", Config];

    public async Task InitializeAsync()
    {
        _db = await PostgresDatabase.CreateAsync();
        _redisDb = await RedisDatabase.CreateAsync();
        await File.WriteAllTextAsync(Config, """
            { "Sample": { "Events": 1500 }, "Trading": { "MaxTotalExposure": 1000000, "CashReserve": 0, "InitialCash": 1000000 },
              "Bus": { "ClaimAfter": "00:00:00.300", "PollInterval": "00:00:00.020", "MaxAttempts": 50 } }
            """);
    }

    [Fact]
    public async Task ExecutionWorkers_KilledMidMessage_LoseAndDoubleNothing()
    {
        foreach (var step in new string[][] { ["cycle"], ["worker", "--role", "quotes", "--until-idle"], ["worker", "--role", "signals", "--until-idle"] })
        {
            var run = await CliRun.RunAsync([.. step, .. Shared]);
            Assert.True(run.ExitCode == 0, $"{string.Join(' ', step)}: {run.Error}{run.Output}");
        }

        var ledger = new PostgresTradeLedger(_db.Source);
        var random = new Random(20261203);
        var seen = new List<string>();
        var killedMidMessage = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            await using var growth = await LedgerGrowth.ListenAsync(_db.Source);
            using var worker = CliProcess.Start(["worker", "--role", "execution", "--name", $"w{kill}", "--until-idle", .. Shared]);
            await Task.WhenAny(growth.WaitForAsync(random.Next(1, 25)), worker.Process.WaitForExitAsync());
            killedMidMessage += worker.Process.HasExited ? 0 : 1;
            await worker.KillAsync();

            var now = (await ledger.ReadAllAsync(CancellationToken.None)).Select(t => t.TradeId.Value).ToList();
            Assert.Equal(seen, now.Take(seen.Count));
            seen = now;
            var check = await CliRun.RunAsync(["check", .. Shared]);
            Assert.True(check.ExitCode == 0, check.Error);
        }

        var last = await CliRun.RunAsync(["worker", "--role", "execution", "--name", "finisher", "--until-idle", .. Shared]);
        var final = await CliRun.RunAsync(["check", .. Shared]);

        Assert.True(killedMidMessage >= Kills / 2, $"only {killedMidMessage} of {Kills} workers were killed before they finished");
        Assert.True(last.ExitCode == 0 && final.ExitCode == 0, last.Error + final.Error);
        var trades = await ledger.ReadAllAsync(CancellationToken.None);
        Assert.Equal(seen, trades.Select(t => t.TradeId.Value).Take(seen.Count));
        Assert.Equal(trades.Count, trades.Select(t => t.SignalId).Distinct().Count());
        var status = await new RedisBus(Multiplexer).StatusAsync();
        Assert.Equal(0, status.Stages.Sum(s => s.Lag + s.Pending));
        Assert.Equal(0, status.DeadLetters);
    }

    public async Task DisposeAsync()
    {
        await _redisDb.DisposeAsync();
        await _db.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Counts the records appended to the ledger, from the database's own announcements (LISTEN prescient_trades).</summary>
    private sealed class LedgerGrowth : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _listening;
        private int _appended;
        private (int Target, TaskCompletionSource Reached)? _wait;

        private LedgerGrowth(NpgsqlConnection connection)
        {
            _connection = connection;
            _connection.Notification += (_, _) =>
            {
                var count = Interlocked.Increment(ref _appended);
                if (_wait is { } wait && count >= wait.Target)
                {
                    wait.Reached.TrySetResult();
                }
            };
            _listening = ListenLoopAsync();
        }

        public static async Task<LedgerGrowth> ListenAsync(NpgsqlDataSource database)
        {
            var connection = await database.OpenConnectionAsync();
            await using (var listen = new NpgsqlCommand("listen prescient_trades", connection))
            {
                await listen.ExecuteNonQueryAsync();
            }

            return new LedgerGrowth(connection);
        }

        /// <summary>Completes once <paramref name="records"/> records have been appended since listening began.</summary>
        public Task WaitForAsync(int records)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _wait = (records, reached);
            if (Volatile.Read(ref _appended) >= records)
            {
                reached.TrySetResult();
            }

            return reached.Task;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _listening.ContinueWith(_ => { }, TaskScheduler.Default);
            await _connection.DisposeAsync();
            _stop.Dispose();
        }

        private async Task ListenLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                await _connection.WaitAsync(_stop.Token);
            }
        }
    }
}
