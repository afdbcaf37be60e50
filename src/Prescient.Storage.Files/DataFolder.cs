using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files;

/// <summary>
/// The paths of the <c>data/</c> folder contract (DESIGN.md section 3) under one root directory.
/// Path properties are pure; folders are created on demand by <see cref="EnsureDirectoryFor"/>
/// (and by <see cref="AtomicFile"/>, which every writer goes through).
/// </summary>
public sealed class DataFolder
{
    public DataFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The absolute root directory of the data folder.</summary>
    public string Root { get; }

    public string EventsDirectory => Path.Combine(Root, "events");

    public string MarketsDirectory => Path.Combine(Root, "markets");

    public string TradesDirectory => Path.Combine(Root, "trades");

    public string HistoryDirectory => Path.Combine(Root, "history");

    public string ExportsDirectory => Path.Combine(Root, "exports");

    public string LogsDirectory => Path.Combine(Root, "logs");

    /// <summary><c>reports/</c>: the HTML report of each day and its PNG charts, derived from the JSON state.</summary>
    public string ReportsDirectory => Path.Combine(Root, "reports");

    /// <summary><c>pricehistory/</c>: the cache of <c>history fetch</c>, one folder per token.</summary>
    public string PriceHistoryDirectory => Path.Combine(Root, "pricehistory");

    /// <summary>The OS lock file that admits one writer process per data folder.</summary>
    public string LockFile => Path.Combine(Root, ".prescient.lock");

    /// <summary>Who holds the lock (pid, start time), readable while the lock file itself is locked.</summary>
    public string LockOwnerFile => Path.Combine(Root, ".prescient.lock.owner");

    /// <summary><c>events/raw_events_backup.json</c>: every discovered event, overwritten each refresh.</summary>
    public string RawEvents => Path.Combine(EventsDirectory, "raw_events_backup.json");

    /// <summary><c>events/filtered_events.json</c>: the events kept by the filters, overwritten each refresh.</summary>
    public string FilteredEvents => Path.Combine(EventsDirectory, "filtered_events.json");

    /// <summary><c>events/filtered_markets.json</c>: one row per extracted market, overwritten each refresh.</summary>
    public string FilteredMarkets => Path.Combine(EventsDirectory, "filtered_markets.json");

    /// <summary><c>markets/market_cache.json</c>: the latest quotes, overwritten each quote.</summary>
    public string MarketCache => Path.Combine(MarketsDirectory, "market_cache.json");

    /// <summary><c>trades/current_signals.json</c>: overwritten each signal run.</summary>
    public string CurrentSignals => Path.Combine(TradesDirectory, "current_signals.json");

    /// <summary>
    /// <c>trades/ledger_checkpoint.json</c>: what <c>portfolio.json</c> was last written over (the
    /// ledger's length, record count and last record, and the portfolio file's own hash); derived,
    /// rewritten with the portfolio.
    /// </summary>
    public string LedgerCheckpoint => Path.Combine(TradesDirectory, "ledger_checkpoint.json");

    /// <summary><c>trades/paper_trades.json</c>: append only.</summary>
    public string PaperTrades => Path.Combine(TradesDirectory, "paper_trades.json");

    /// <summary><c>trades/portfolio.json</c>: overwritten after every change.</summary>
    public string Portfolio => Path.Combine(TradesDirectory, "portfolio.json");

    /// <summary><c>history/portfolio_history.json</c>: append only, one snapshot per day.</summary>
    public string PortfolioHistory => Path.Combine(HistoryDirectory, "portfolio_history.json");

    /// <summary><c>history/run_log.json</c>: append only, one record per cycle or end-of-day run, succeeded or failed.</summary>
    public string RunLog => Path.Combine(HistoryDirectory, "run_log.json");

    /// <summary>The folders of the contract, root first.</summary>
    public IReadOnlyList<string> Directories =>
        [Root, EventsDirectory, MarketsDirectory, TradesDirectory, HistoryDirectory, ExportsDirectory, LogsDirectory, ReportsDirectory];

    /// <summary><c>markets/daily_prices_YYYY-MM-DD.json</c>: one new file per day.</summary>
    public string DailyPrices(DateOnly day) =>
        Path.Combine(MarketsDirectory, $"daily_prices_{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json");

    /// <summary>What a recorded run saw on <paramref name="day"/> (<c>simulate --record</c>): <c>markets/tape_YYYY-MM-DD.json</c>.</summary>
    public string MarketTape(DateOnly day) =>
        Path.Combine(MarketsDirectory, $"tape_{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json");

    /// <summary>
    /// <c>pricehistory/&lt;token&gt;/YYYY-MM.bin</c>: one token's prices for one UTC month. A token id
    /// that is not a plain name (ASCII letters, digits, '-', '_'; at most 200) is refused.
    /// </summary>
    public string PriceHistoryFile(TokenId token, HistoryMonth month)
    {
        var value = token.Value;
        if (string.IsNullOrEmpty(value) || value.Length > 200 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Token id '{value}' cannot name a price history folder: only letters, digits, '-' and '_'.", nameof(token));
        }

        return Path.Combine(PriceHistoryDirectory, value, month + ".bin");
    }

    /// <summary><c>history/signals_archive_YYYY-MM.json</c> for the month containing <paramref name="day"/>.</summary>
    public string SignalsArchive(DateOnly day) =>
        Path.Combine(HistoryDirectory, $"signals_archive_{day.ToString("yyyy-MM", CultureInfo.InvariantCulture)}.json");

    /// <summary><c>reports/report_YYYY-MM-DD.html</c>.</summary>
    public string Report(DateOnly day) =>
        Path.Combine(ReportsDirectory, $"report_{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.html");

    /// <summary><c>reports/&lt;chart&gt;.png</c>, the latest report's chart.</summary>
    public string ReportChart(string chart) => Path.Combine(ReportsDirectory, chart + ".png");

    /// <summary><c>logs/trading_log_YYYY-MM-DD.txt</c>.</summary>
    public string TradingLog(DateOnly day) =>
        Path.Combine(LogsDirectory, $"trading_log_{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.txt");

    /// <summary>
    /// <c>exports/&lt;name&gt;.csv</c>. <paramref name="name"/> is a bare file name, with or without
    /// the <c>.csv</c> extension; anything that would leave the exports folder is refused.
    /// </summary>
    public string Export(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.') || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Export name '{name}' must be a plain file name inside exports/.", nameof(name));
        }

        var fileName = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name : name + ".csv";
        return Path.Combine(ExportsDirectory, fileName);
    }

    /// <summary>Creates the folder that will hold <paramref name="filePath"/> and returns the path unchanged.</summary>
    public static string EnsureDirectoryFor(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(filePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return filePath;
    }

    /// <summary>Creates the root and every folder of the contract (no-op for those that exist).</summary>
    public void CreateDirectories()
    {
        foreach (var directory in Directories)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>
    /// Deletes temporary files that a crashed <see cref="AtomicFile"/> write left in the contract's
    /// folders and returns their paths. Only safe while holding the <see cref="DataFolderLock"/>
    /// and before any writer starts, which is why acquiring the lock does it.
    /// </summary>
    public IReadOnlyList<string> DeleteStaleTempFiles() =>
        Directories.SelectMany(AtomicFile.DeleteStaleTempFiles).ToArray();

    public override string ToString() => Root;
}
