using System.Text.RegularExpressions;
using Prescient.Storage.Files;
using Prescient.Storage.Postgres;
using Prescient.Testing;
using Prescient.Testing.Postgres;

namespace Prescient.Cli.Tests;

/// <summary>
/// The commands with <c>--store postgres</c> against the real PostgreSQL of <c>scripts/services</c>: the
/// trading state lives in the database (exactly once, checked by two rebuilds), an unmigrated database
/// stops a command in one line, and <c>db import</c> moves a file folder over without loss.
/// </summary>
public sealed class PostgresStoreCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Cycle_TwiceWithThePostgresStore_TradesOnce_AndCheckAgreesWithTheDatabasesOwnRebuild()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        string[] store = ["--store", "postgres", "--pg", db.ConnectionString, "--data", _dir.Path];

        var first = await CliRun.RunAsync(["cycle", .. store]);
        var second = await CliRun.RunAsync(["cycle", .. store]);
        var check = await CliRun.RunAsync(["check", .. store]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var trades = await new PostgresTradeLedger(db.Source).ReadAllAsync(CancellationToken.None);
        Assert.NotEmpty(trades);
        Assert.Equal(trades.Count, trades.Select(t => t.SignalId).Distinct().Count());
        Assert.Matches(@"Trades made\s*│\s*0\s", second.Output);
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Contains($"OK: {trades.Count} ledger records", Flat(check.Output), StringComparison.Ordinal);
        Assert.Contains("the database's own rebuild agree", Flat(check.Output), StringComparison.Ordinal);
        Assert.False(File.Exists(new DataFolder(_dir.Path).PaperTrades), "the ledger lives in the database, not the folder");
    }

    [Fact]
    public async Task AnyCommand_OnADatabaseNotMigrated_StopsInOneLineNamingDbMigrate()
    {
        await using var db = await PostgresDatabase.CreateAsync(migrate: false);

        var run = await CliRun.RunAsync("status", "--store", "postgres", "--pg", db.ConnectionString, "--data", _dir.Path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("lacks 2 migrations", run.Error, StringComparison.Ordinal);
        Assert.Contains("prescient db migrate", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task DbImport_AFileFolder_MovesItWhole_BothSidesCheck_AndASecondImportIsRefused()
    {
        await using var db = await PostgresDatabase.CreateAsync(migrate: false);
        var files = Path.Combine(_dir.Path, "files");
        Assert.Equal(0, (await CliRun.RunAsync("cycle", "--data", files)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("end-of-day", "--data", files)).ExitCode);

        var import = await CliRun.RunAsync("db", "import", "--from", files, "--pg", db.ConnectionString);
        var again = await CliRun.RunAsync("db", "import", "--from", files, "--pg", db.ConnectionString);
        var fileCheck = await CliRun.RunAsync("check", "--data", files);
        var pgCheck = await CliRun.RunAsync("check", "--store", "postgres", "--pg", db.ConnectionString, "--data", Path.Combine(_dir.Path, "pg"));

        Assert.True(import.ExitCode == 0, import.Error);
        var folder = new DataFolder(files);
        var ledger = await new Storage.Files.Trading.FileTradingStore(folder).Ledger.ReadAllAsync(CancellationToken.None);
        Assert.Contains($"{ledger.Count} ledger records, 1 history days", Flat(import.Output), StringComparison.Ordinal);
        Assert.Equal(ledger, await new PostgresTradeLedger(db.Source).ReadAllAsync(CancellationToken.None));
        Assert.Equal(await File.ReadAllTextAsync(folder.PortfolioHistory), await CopyHistoryAsync(db));
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("import only into an empty store", again.Error, StringComparison.Ordinal);
        Assert.True(fileCheck.ExitCode == 0 && pgCheck.ExitCode == 0, fileCheck.Error + pgCheck.Error);
        Assert.Equal(Summary(fileCheck.Output), Summary(pgCheck.Output));
    }

    [Fact]
    public async Task DbExport_AfterAnImport_WritesBackEveryJsonFileByteForByte()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var files = Path.Combine(_dir.Path, "files");
        var back = Path.Combine(_dir.Path, "back");
        Assert.Equal(0, (await CliRun.RunAsync("cycle", "--data", files)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("end-of-day", "--data", files)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("db", "import", "--from", files, "--pg", db.ConnectionString)).ExitCode);

        var export = await CliRun.RunAsync("db", "export", "--to", back, "--pg", db.ConnectionString);
        var again = await CliRun.RunAsync("db", "export", "--to", back, "--pg", db.ConnectionString);
        var check = await CliRun.RunAsync("check", "--data", back);

        Assert.True(export.ExitCode == 0, export.Error);
        var original = new DataFolder(files);
        var json = Directory.EnumerateFiles(original.Root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(original.Root, f))
            .Where(f => !f.StartsWith("logs", StringComparison.Ordinal) && f != "events/raw_events_backup.json" && f != "trades/ledger_checkpoint.json" && !f.StartsWith("reports", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("trades/paper_trades.json", json);
        Assert.Contains("history/portfolio_history.json", json);
        foreach (var file in json)
        {
            Assert.True(File.Exists(Path.Combine(back, file)), $"{file} was not exported");
            var before = await File.ReadAllBytesAsync(Path.Combine(files, file));
            var after = await File.ReadAllBytesAsync(Path.Combine(back, file));
            Assert.True(before.AsSpan().SequenceEqual(after), $"{file} differs");
        }

        Assert.NotEqual(0, again.ExitCode);
        Assert.True(check.ExitCode == 0, check.Error);
    }

    public void Dispose() => _dir.Dispose();

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    /// <summary>"OK: N ledger records; cash …, N open positions, realized P&amp;L …", the part of a check's line both stores print.</summary>
    private static string Summary(string output) => Regex.Match(Flat(output), @"OK: .*?realized P&L [-\d,.]+").Value;

    /// <summary>The history rows as the file store would write them: the same records, in date order.</summary>
    private static async Task<string> CopyHistoryAsync(PostgresDatabase db)
    {
        var days = await new PostgresHistoryStore(db.Source).ReadPortfolioHistoryAsync(CancellationToken.None);
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "portfolio_history.json");
        await Storage.Files.IO.AppendOnlyJsonArray<Domain.History.PortfolioDay>.CreateAsync(path, days, CancellationToken.None);
        return await File.ReadAllTextAsync(path);
    }
}
