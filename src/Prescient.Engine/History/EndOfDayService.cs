using Prescient.Domain.Values;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Calendar;
using Prescient.Engine.Exports;
using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Runs;
using Prescient.Engine.Settlement;
using Prescient.Engine.Storage;
using Prescient.Engine.TimeSeries;
using Prescient.Engine.Trading;

namespace Prescient.Engine.History;

/// <summary>
/// Closes the day (the <see cref="TradingCalendar"/>'s date: UTC unless the schedule has a time
/// zone): settles held markets that resolved since the morning (the same rule and ledger records as
/// execute, so exactly once), marks the rest at books fetched now (a closed market waiting
/// for its resolution at Gamma's outcome price, flagged), rewrites
/// <c>portfolio.json</c>, archives the day's signals, writes the day's daily prices from the stored
/// quotes when they are from that day and the file is missing, appends one snapshot to
/// <c>portfolio_history.json</c>, and regenerates every CSV. Once a day: when the history already has
/// the date, nothing is written and the result says when it was recorded. Settlements go to the
/// ledger first (each is the truth on its own); the books are fetched before any other file is
/// written, so unavailable market data leaves them as they were; the snapshot is appended after the
/// other files, so a run cut short is completed by the next one.
/// </summary>
public sealed partial class EndOfDayService(
    IMarketSource source,
    IMarketDataStore marketData,
    ITradingStore trading,
    IHistoryStore history,
    ExportService exports,
    SettlementService settlement,
    IOptions<TradingOptions> options,
    UseCaseGate gate,
    RunRecorder recorder,
    TimeProvider time,
    ILogger<EndOfDayService> logger,
    TradingCalendar? calendar = null,
    ITimeSeriesSink? series = null)
{
    private readonly TradingCalendar _calendar = calendar ?? TradingCalendar.Utc;

    /// <summary>Closes the day through the gate, recording the run (succeeded or not) in the run log that status reads.</summary>
    public Task<EndOfDayResult> RunAsync(CancellationToken cancellationToken) =>
        recorder.RecordAsync(RunKinds.EndOfDay, ct => gate.RunAsync(RunUngatedAsync, ct), r => r.Message, cancellationToken);

    /// <summary>As <see cref="RunAsync"/>, for a use-case that already holds the gate (the scheduler, a simulation).</summary>
    internal async Task<EndOfDayResult> RunUngatedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = _calendar.DayOf(now);
        if ((await history.ReadPortfolioHistoryAsync(cancellationToken)).FirstOrDefault(d => d.Date == day) is { } recorded)
        {
            LogAlreadyRecorded(logger, day, recorded.RecordedAt);
            return new EndOfDayResult(day, true, recorded, 0, false, [], AlreadyRecordedMessage(recorded));
        }

        var portfolio = Portfolio.Replay(Usdc.Create(options.Value.InitialCash), await trading.Ledger.ReadAllAsync(cancellationToken));
        var pass = await settlement.SettleAsync(
            portfolio,
            async (trade, ct) =>
            {
                await trading.Ledger.AppendAsync(trade, ct);
                portfolio.Apply(trade);
            },
            cancellationToken);
        var marks = pass.WithBookMarks(await MarkAsync(portfolio, pass, cancellationToken));
        var snapshot = PortfolioValuation.Value(portfolio, marks, now, source.Info, pass.LookupProblems);

        var files = new List<string> { await trading.WritePortfolioAsync(snapshot, cancellationToken) };
        Observability.TradingMeter.Written(snapshot);
        series?.RecordPortfolio(snapshot, PortfolioTrigger.EndOfDay);
        var archived = await ArchiveSignalsAsync(day, cancellationToken);
        if (archived is { Added: > 0 })
        {
            files.Add(archived.Path);
        }

        var dailyPrices = await WriteDailyPricesAsync(day, cancellationToken);
        if (dailyPrices is not null)
        {
            files.Add(dailyPrices);
        }

        var portfolioDay = PortfolioDays.From(snapshot, day, now, source.Info.Name);
        files.Add(await history.AppendPortfolioDayAsync(portfolioDay, cancellationToken));
        files.AddRange((await exports.ExportAllUngatedAsync(cancellationToken)).Files);

        var signalsArchived = archived?.Added ?? 0;
        LogRecorded(logger, day, snapshot.Equity, snapshot.Positions.Count, signalsArchived);
        return new EndOfDayResult(day, false, portfolioDay, signalsArchived, dailyPrices is not null, files, RecordedMessage(portfolioDay, signalsArchived, dailyPrices is not null, pass))
        {
            Settlements = pass.Settled,
            Pending = pass.Pending,
        };
    }

    /// <summary>
    /// Marks for the held tokens from books fetched now, except closed markets waiting for their
    /// resolution (marked by the pass); a token without a book (or a mark) is left to the valuation's fallback.
    /// </summary>
    private async Task<Dictionary<TokenId, Mark>> MarkAsync(Portfolio portfolio, SettlementPass pass, CancellationToken cancellationToken)
    {
        var pendingMarks = pass.PendingMarks;
        var held = portfolio.Positions.Where(p => !pendingMarks.ContainsKey(p.TokenId)).Select(p => (p.MarketId, p.TokenId)).ToArray();
        if (held.Length == 0)
        {
            return [];
        }

        // The twin of each held token is fetched with it, so that a ghost or inconsistent book is refused as a mark.
        var rows = RefreshQuotes.ByMarket(await marketData.ReadMarketsAsync(cancellationToken), time.GetUtcNow(), options.Value.MaxSignalAge);
        var tokens = held.Select(h => h.TokenId).Concat(BookMarks.Twins(held, rows)).Distinct().ToArray();
        var books = new Dictionary<TokenId, OrderBook>();
        await foreach (var batch in source.GetBooksAsync(tokens, null, cancellationToken))
        {
            foreach (var (token, book) in batch.Books)
            {
                books[token] = book;
            }
        }

        return BookMarks.From(held, books, rows, options.Value);
    }

    /// <summary>The signals of <c>current_signals.json</c> created on <paramref name="day"/>, into the month's archive.</summary>
    private async Task<SignalsArchived?> ArchiveSignalsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var signals = await trading.ReadSignalsAsync(cancellationToken);
        var todays = signals?.Signals.Where(s => _calendar.DayOf(s.CreatedAt) == day).ToArray() ?? [];
        return todays.Length == 0 ? null : await history.ArchiveSignalsAsync(day, todays, cancellationToken);
    }

    /// <summary>The day's daily prices from the stored quotes, when they were generated that day and the file is missing.</summary>
    private async Task<string?> WriteDailyPricesAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var quotes = await marketData.ReadQuotesAsync(cancellationToken);
        return quotes is not null && _calendar.DayOf(quotes.GeneratedAt) == day
            ? await marketData.WriteDailyPricesAsync(quotes, cancellationToken)
            : null;
    }

    private static string AlreadyRecordedMessage(PortfolioDay recorded) =>
        $"end of day for {Date(recorded.Date)} was already recorded at {recorded.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; nothing written";

    private static string RecordedMessage(PortfolioDay day, int signals, bool dailyPrices, SettlementPass pass) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"end of day for {Date(day.Date)} recorded: equity {day.Equity:#,0.00} USDC, {day.OpenPositions} open positions, {pass.Settled.Count} settled, {signals} signals archived{(dailyPrices ? ", daily prices written" : string.Empty)}{(pass.LookupFailures > 0 ? "; " + SettlementText.LookupFailures(pass.LookupFailures) : string.Empty)}");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "End of day {Date} already recorded at {RecordedAt}; nothing written")]
    private static partial void LogAlreadyRecorded(ILogger logger, DateOnly date, DateTimeOffset recordedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "End of day {Date} recorded: equity {Equity}, {Positions} open positions, {Signals} signals archived")]
    private static partial void LogRecorded(ILogger logger, DateOnly date, decimal equity, int positions, int signals);
}
