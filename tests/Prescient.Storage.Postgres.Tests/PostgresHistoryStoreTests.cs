using Npgsql;
using Prescient.Domain.History;
using Prescient.Engine.Runs;
using Prescient.Testing.Postgres;

namespace Prescient.Storage.Postgres.Tests;

/// <summary>The history and run log in a real PostgreSQL: exact round trips, one row per day, and rows the database refuses to change.</summary>
public sealed class PostgresHistoryStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PortfolioHistory_RoundTripsEveryFigure_AndASecondRowForADayIsRefused()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var store = new PostgresHistoryStore(db.Source);
        var days = new[] { Day(new DateOnly(2026, 3, 1), 10_000.00m), Day(new DateOnly(2026, 3, 2), 9_876.543210m) };
        foreach (var day in days)
        {
            await store.AppendPortfolioDayAsync(day, CancellationToken.None);
        }

        Assert.Equal(days, await store.ReadPortfolioHistoryAsync(CancellationToken.None));
        var twice = await Assert.ThrowsAsync<PostgresException>(() => store.AppendPortfolioDayAsync(days[1] with { Equity = 1m }, CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, twice.SqlState);
    }

    [Theory]
    [InlineData("update portfolio_history set equity = 0")]
    [InlineData("delete from run_log")]
    [InlineData("truncate daily_prices")]
    [InlineData("truncate signals_archive")]
    public async Task ChangingHistory_IsRefusedByTheDatabase(string sql)
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await new PostgresHistoryStore(db.Source).AppendPortfolioDayAsync(Day(new DateOnly(2026, 3, 1), 10_000m), CancellationToken.None);
        await new PostgresRunLog(db.Source).AppendAsync(new RunRecord(RunKinds.Cycle, At, At, true, "ok"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(sql));

        Assert.Equal("P0002", refused.SqlState);
    }

    [Fact]
    public async Task RunLog_GivesTheLastOfAKind_AndTheRecentNewestFirst()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var log = new PostgresRunLog(db.Source);
        var runs = Enumerable.Range(0, 4).Select(i => new RunRecord(i % 2 == 0 ? RunKinds.Cycle : RunKinds.EndOfDay, At.AddHours(i), At.AddHours(i).AddSeconds(3), i != 2, $"run {i}")).ToArray();
        foreach (var run in runs)
        {
            await log.AppendAsync(run, CancellationToken.None);
        }

        Assert.Equal(runs[2], await log.LastAsync(RunKinds.Cycle, CancellationToken.None));
        Assert.Equal(runs.Reverse().Take(3), await log.RecentAsync(3, CancellationToken.None));
        Assert.Null(await log.LastAsync("never", CancellationToken.None));
    }

    private static PortfolioDay Day(DateOnly date, decimal equity) => new()
    {
        Date = date,
        RecordedAt = At,
        Cash = 4_000.123456m,
        PositionsValue = equity - 4_000.123456m,
        Equity = equity,
        RealizedPnl = 0m,
        UnrealizedPnl = equity - 10_000m,
        Exposure = equity - 4_000.123456m,
        FeesPaid = 1.5m,
        OpenPositions = 3,
        TradeCount = 3,
        Source = "sample",
    };
}
