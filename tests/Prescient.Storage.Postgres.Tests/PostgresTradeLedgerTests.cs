using Npgsql;
using Prescient.Domain.Trading;
using Prescient.Storage.Files.IO;
using Prescient.Testing;
using Prescient.Testing.Builders;
using Prescient.Testing.Postgres;

namespace Prescient.Storage.Postgres.Tests;

/// <summary>
/// The ledger in a real PostgreSQL: migrations, exact round trips, and the file contract's invariants
/// held by the database itself (append-only, gapless, one record per signal), also against racing writers.
/// </summary>
public sealed class PostgresTradeLedgerTests
{
    [Fact]
    public async Task Migrate_TwiceOnAFreshDatabase_AppliesEachMigrationOnce()
    {
        await using var db = await PostgresDatabase.CreateAsync(migrate: false);

        var first = await PostgresMigrations.MigrateAsync(db.Source, CancellationToken.None);
        var second = await PostgresMigrations.MigrateAsync(db.Source, CancellationToken.None);

        Assert.Equal(PostgresMigrations.All.Select(m => m.Name), first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Append_ThenRead_EveryRecordExactly_AndTheCopyIsTheFileStoresLedgerByteForByte()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var ledger = new PostgresTradeLedger(db.Source);
        var trades = ReplayableLedger.Create(12, held: 3).ToArray();
        foreach (var trade in trades)
        {
            await ledger.AppendAsync(trade, CancellationToken.None);
        }

        Assert.Equal(trades, await ledger.ReadAllAsync(CancellationToken.None));
        var tail = await ledger.ReadLastAsync(5, CancellationToken.None);
        Assert.Equal(12, tail.Total);
        Assert.Equal(trades.TakeLast(5), tail.Records);

        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "paper_trades.json");
        await AppendOnlyJsonArray<Trade>.CreateAsync(file, trades, CancellationToken.None);
        using var copy = new MemoryStream();
        Assert.True(await ledger.TryCopyToAsync(copy, CancellationToken.None));
        Assert.Equal(await File.ReadAllBytesAsync(file), copy.ToArray());
    }

    [Theory]
    [InlineData("update trades set cash_after = cash_after + 1 where seq = 1")]
    [InlineData("delete from trades where seq = 2")]
    [InlineData("truncate trades")]
    public async Task ChangingARecord_IsRefusedByTheDatabase(string sql)
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var ledger = new PostgresTradeLedger(db.Source);
        foreach (var trade in ReplayableLedger.Create(3, held: 3).ToArray())
        {
            await ledger.AppendAsync(trade, CancellationToken.None);
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(sql));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(ReplayableLedger.Create(3, held: 3).ToArray(), await ledger.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AppendingOutOfSequence_IsRefused()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var ledger = new PostgresTradeLedger(db.Source);
        var trades = ReplayableLedger.Create(3, held: 3).ToArray();
        await ledger.AppendAsync(trades[0], CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ledger.AppendAsync(trades[2], CancellationToken.None));

        Assert.Contains("not the next one", refused.MessageText, StringComparison.Ordinal);
        Assert.Single(await ledger.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheSameSignalTwice_IsRefused()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var ledger = new PostgresTradeLedger(db.Source);
        var first = ReplayableLedger.Create(1).First();
        await ledger.AppendAsync(first, CancellationToken.None);

        var again = first with { TradeId = Domain.Ids.TradeId.ForSequence(2) };
        await Assert.ThrowsAsync<DuplicateSignalException>(() => ledger.AppendAsync(again, CancellationToken.None));

        Assert.Single(await ledger.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ManyWritersRacingOnOneSignal_LeaveExactlyOneRecord()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var trade = ReplayableLedger.Create(1).First();

        // Eight writers, each with its own connection pool, append the same first record at once.
        var writers = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(db.Source.ConnectionString)).ToArray();
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await new PostgresTradeLedger(w).AppendAsync(trade, CancellationToken.None);
                return "appended";
            }
            catch (Exception e) when (e is DuplicateSignalException or PostgresException)
            {
                return "refused";
            }
        }));
        foreach (var w in writers)
        {
            await w.DisposeAsync();
        }

        Assert.Equal(1, outcomes.Count(o => o == "appended"));
        Assert.Equal([trade], await new PostgresTradeLedger(db.Source).ReadAllAsync(CancellationToken.None));
    }
}
