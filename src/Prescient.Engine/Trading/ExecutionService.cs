using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Exits;
using Prescient.Engine.Markets;
using Prescient.Engine.Observability;
using Prescient.Engine.Positions;
using Prescient.Engine.Quotes;
using Prescient.Engine.Refresh;
using Prescient.Engine.Settlement;
using Prescient.Engine.Storage;
using Prescient.Engine.TimeSeries;

namespace Prescient.Engine.Trading;

/// <summary>
/// Phase 3 and the settle step: settles held markets that resolved, then fills each current signal
/// on paper against the books of its market's two tokens as they are now (the live feed's where it
/// holds a fresh one, else fetched; with the CLOB base fee of a
/// market that has fees but no schedule, see <see cref="FeeRates"/>), appending every record to the ledger before the portfolio
/// changes and rewriting <c>portfolio.json</c> after each change. The ledger is the truth: the run
/// starts from its replay, so an interrupted run is finished correctly by the next one and a signal
/// already in the ledger is never executed again.
/// </summary>
public sealed partial class ExecutionService(
    IMarketSource source,
    IMarketDataStore marketData,
    ITradingStore store,
    ICsvExporter exporter,
    PaperExecutor executor,
    SettlementService settlement,
    IOptions<TradingOptions> options,
    UseCaseGate gate,
    TimeProvider time,
    ILogger<ExecutionService> logger,
    ExecutionActivity? activity = null,
    LiveBooks? live = null,
    ExitExecutor? exits = null,
    ITimeSeriesSink? series = null,
    IBookCache? cache = null)
{
    /// <summary>Executes the stored current signals (<c>trades/current_signals.json</c>).</summary>
    public Task<ExecutionResult> ExecuteAsync(CancellationToken cancellationToken) => gate.RunAsync(RunAsync, cancellationToken);

    /// <summary>
    /// Executes <paramref name="signals"/> made now by the strategy outside a signal run (the live
    /// feed's intraday mode), by the very path of <see cref="ExecuteAsync"/>: settlement pass first,
    /// the ledger replayed under the gate, every check of the executor, so a signal the ledger
    /// already holds is never filled again. The stored signals file is not touched.
    /// </summary>
    public Task<ExecutionResult> ExecuteSignalsAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return gate.RunAsync(ct => ExecuteCoreAsync(signals, ct), cancellationToken);
    }

    /// <summary>
    /// Settles the held markets that resolved, by the same pass as an execution (each resolution
    /// confirmed upstream first), and fills nothing: the live feed calls it on <c>market_resolved</c>.
    /// A market settles once whoever sees its resolution first, since the pass reads the ledger under
    /// the gate. Writes the portfolio and the trade CSVs only when something settled.
    /// </summary>
    public Task<ExecutionResult> SettleAsync(CancellationToken cancellationToken) => gate.RunAsync(SettleRunAsync, cancellationToken);

    private async Task<ExecutionResult> SettleRunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var run = await SettleFirstAsync(now, cancellationToken);
        var (portfolio, books, ledger, markets) = (run.Portfolio, run.Books, run.Ledger, run.Markets);
        var (settlements, pending) = (run.Settlement.Settled, run.Settlement.Pending);
        var files = new List<string>();
        PortfolioSnapshot snapshot;
        if (settlements.Count == 0)
        {
            snapshot = await store.ReadPortfolioAsync(cancellationToken) ?? PortfolioValuation.Value(portfolio, new Dictionary<TokenId, Mark>(), now, source.Info);
        }
        else
        {
            var held = portfolio.Positions.Select(p => (p.MarketId, p.TokenId)).ToArray();
            await FetchBooksAsync(held.Select(h => h.TokenId).Concat(BookMarks.Twins(held, markets)), books, cancellationToken);
            snapshot = await WritePortfolioAsync(run, cancellationToken);
            files.Add(await exporter.ExportTradesAsync(ledger, cancellationToken));
            files.Add(await exporter.ExportPositionsAsync(snapshot, cancellationToken));
        }

        LogSettledOnly(logger, settlements.Count, pending.Count, snapshot.Cash, snapshot.Equity);
        return new ExecutionResult(now, source.Info, settlements, pending, [], [], snapshot, files, time.GetElapsedTime(started));
    }

    private async Task<ExecutionResult> RunAsync(CancellationToken cancellationToken)
    {
        var signals = await store.ReadSignalsAsync(cancellationToken)
            ?? throw new MissingStateException("No signals yet", PipelineStep.Signals);
        if (signals.Source.Name != source.Info.Name)
        {
            throw new MissingStateException($"trades/current_signals.json came from the {signals.Source.Name} source, not {source.Info.Name}", PipelineStep.Signals);
        }

        return await ExecuteCoreAsync(signals.Signals, cancellationToken);
    }

    private async Task<ExecutionResult> ExecuteCoreAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var run = await SettleFirstAsync(now, cancellationToken);
        var (portfolio, books, ledger, markets) = (run.Portfolio, run.Books, run.Ledger, run.Markets);
        var (settlements, pending) = (run.Settlement.Settled, run.Settlement.Pending);

        // Both tokens of each signal's and each held market: the other book cross-checks the one to buy or mark, and the strategy's rule reads both.
        var open = signals.Where(s => !portfolio.HasExecuted(s.SignalId)).ToArray();
        var wanted = open.Select(s => (s.MarketId, s.TokenId)).Concat(portfolio.Positions.Select(p => (p.MarketId, p.TokenId))).ToArray();
        await FetchBooksAsync(wanted.Select(w => w.TokenId).Concat(BookMarks.Twins(wanted, markets)), books, cancellationToken);
        var feeRates = new FeeRates(source, logger);
        var (sold, rejections) = exits is { Enabled: true } ? await ExitAsync(run, exits, feeRates, cancellationToken) : (new List<Trade>(), new List<Rejection>());
        var trades = new List<Trade>();
        foreach (var signal in signals)
        {
            var market = markets.GetValueOrDefault(signal.MarketId);
            var complement = BookGuard.ComplementOf(market, signal.TokenId) is { } other ? books.GetValueOrDefault(other) : null;
            var fees = portfolio.HasExecuted(signal.SignalId) ? null : await feeRates.ResolveAsync(market, signal.TokenId, cancellationToken);
            var decision = !portfolio.HasExecuted(signal.SignalId) && exits is not null && exits.ExitedToday(portfolio, signal.MarketId, time.GetUtcNow())
                ? ExecutionDecision.Reject(new Rejection(signal.SignalId, signal.MarketId, RejectionReason.ExitedToday, RejectionDetails.ExitedToday(signal.MarketId)))
                : executor.Decide(signal, market, books.GetValueOrDefault(signal.TokenId), complement, portfolio, time.GetUtcNow(), source.Info.Name, fees);
            if (decision.Trade is { } trade)
            {
                await RecordAsync(run, trade, cancellationToken);
                trades.Add(trade);
                LogFilled(logger, signal.SignalId.Value, trade.Shares.Value, trade.Price.Value, (trade.Cost + trade.Fees).Value);
            }
            else
            {
                rejections.Add(decision.Rejection!);
                LogRejected(logger, signal.SignalId.Value, decision.Rejection!.Reason, decision.Rejection.Detail);
            }
        }

        foreach (var rejection in rejections)
        {
            TradingMeter.Rejected(rejection.Reason);
        }

        var snapshot = await WritePortfolioAsync(run, cancellationToken);
        var files = new List<string> { await exporter.ExportTradesAsync(ledger, cancellationToken) };
        files.Add(await exporter.ExportPositionsAsync(snapshot, cancellationToken));
        LogExecuted(logger, settlements.Count, trades.Count, rejections.Count, run.Settlement.LookupFailures, snapshot.Cash, snapshot.Equity);
        activity?.Record(now, rejections);
        return new ExecutionResult(now, source.Info, settlements, pending, trades, rejections, snapshot, files, time.GetElapsedTime(started)) { Exits = sold };
    }

    /// <summary>
    /// The exit rules over every held position, after settlement and before the buys: each sell is
    /// recorded (ledger first) as it is decided, so the next position sees the cash it freed. A
    /// market that charges the CLOB base fee is asked for it only when a sell of it is due.
    /// </summary>
    private async Task<(List<Trade> Sold, List<Rejection> Rejected)> ExitAsync(RunState run, ExitExecutor executor, FeeRates feeRates, CancellationToken cancellationToken)
    {
        var held = run.Portfolio.Positions;
        var markets = held.Select(p => (p.MarketId, Market: ExitMarkets.Of(p.MarketId, run.Markets, run.Settlement.Markets)))
            .Where(m => m.Market is not null)
            .ToDictionary(m => m.MarketId, m => m.Market!);
        var tokens = held.Select(p => (p.MarketId, p.TokenId)).ToArray();
        await FetchBooksAsync(tokens.Select(t => t.TokenId).Concat(BookMarks.Twins(tokens, markets)), run.Books, cancellationToken);
        var sold = new List<Trade>();
        var rejected = new List<Rejection>();
        foreach (var position in held)
        {
            var market = markets.GetValueOrDefault(position.MarketId);
            var book = run.Books.GetValueOrDefault(position.TokenId);
            var complement = BookGuard.ComplementOf(market, position.TokenId) is { } other ? run.Books.GetValueOrDefault(other) : null;
            var decision = executor.Decide(position, market, book, complement, run.Portfolio, time.GetUtcNow(), source.Info.Name);
            if (decision?.Rejection?.Reason == RejectionReason.FeeUnknown)
            {
                var fees = await feeRates.ResolveAsync(market, position.TokenId, cancellationToken);
                decision = executor.Decide(position, market, book, complement, run.Portfolio, time.GetUtcNow(), source.Info.Name, fees);
            }

            if (decision?.Trade is { } trade)
            {
                await RecordAsync(run, trade, cancellationToken);
                sold.Add(trade);
                LogSold(logger, trade.SignalId!.Value.Value, trade.Shares.Value, trade.Price.Value, (trade.Cost - trade.Fees).Value);
            }
            else if (decision?.Rejection is { } rejection)
            {
                rejected.Add(rejection);
                LogRejected(logger, rejection.SignalId.Value, rejection.Reason, rejection.Detail);
            }
        }

        return (sold, rejected);
    }

    /// <summary>The run's state from the ledger (read once) and the stored markets, after the settlement pass of the held markets that resolved.</summary>
    private async Task<RunState> SettleFirstAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ledger = new List<Trade>(await store.Ledger.ReadAllAsync(cancellationToken));
        var portfolio = Portfolio.Replay(Usdc.Create(options.Value.InitialCash), ledger);

        // The stored export rows, mapped once to the domain markets trading runs on.
        var markets = RefreshQuotes.ByMarket(await marketData.ReadMarketsAsync(cancellationToken), now, options.Value.MaxSignalAge);
        var run = new RunState(portfolio, new Dictionary<TokenId, OrderBook>(), ledger, markets) { Settlement = new SettlementPass([], [], now) };
        run.Settlement = await settlement.SettleAsync(portfolio, (trade, ct) => RecordAsync(run, trade, ct), cancellationToken);
        return run;
    }

    private Task FetchBooksAsync(IEnumerable<TokenId> tokens, Dictionary<TokenId, OrderBook> books, CancellationToken cancellationToken) =>
        BookFetch.FetchAsync(source, live, cache, options.Value.MaxBookAge, time, tokens, books, cancellationToken);

    /// <summary>Appends to the ledger first, then applies, then rewrites the portfolio: a crash in between leaves the ledger ahead, never behind.</summary>
    private async Task RecordAsync(RunState run, Trade trade, CancellationToken cancellationToken)
    {
        await store.Ledger.AppendAsync(trade, cancellationToken);
        TradingMeter.Recorded(trade);
        run.Ledger.Add(trade);
        run.Portfolio.Apply(trade);
        await WritePortfolioAsync(run, cancellationToken);
    }

    private async Task<PortfolioSnapshot> WritePortfolioAsync(RunState run, CancellationToken cancellationToken)
    {
        var marks = BookMarks.From(run.Portfolio.Positions.Select(p => (p.MarketId, p.TokenId)), run.Books, run.Markets, options.Value);
        var snapshot = PortfolioValuation.Value(run.Portfolio, run.Settlement.WithBookMarks(marks), time.GetUtcNow(), source.Info, run.Settlement.LookupProblems);
        await store.WritePortfolioAsync(snapshot, cancellationToken);
        TradingMeter.Written(snapshot);
        series?.RecordPortfolio(snapshot, PortfolioTrigger.Execute);
        return snapshot;
    }

    /// <summary>One run's state: the ledger as it stands (read once, then grown with each append), its portfolio, the books fetched so far, the settlement pass (empty until it has run).</summary>
    private sealed record RunState(Portfolio Portfolio, Dictionary<TokenId, OrderBook> Books, List<Trade> Ledger, IReadOnlyDictionary<MarketId, Market> Markets)
    {
        public required SettlementPass Settlement { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement pass: {Settled} settled, {Pending} pending; cash {Cash}, equity {Equity}")]
    private static partial void LogSettledOnly(ILogger logger, int settled, int pending, decimal cash, decimal equity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Filled {SignalId}: {Shares} shares at {Price} ({Spent} USDC with fees)")]
    private static partial void LogFilled(ILogger logger, string signalId, decimal shares, decimal price, decimal spent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sold {ExitId}: {Shares} shares at {Price} ({Proceeds} USDC after fees)")]
    private static partial void LogSold(ILogger logger, string exitId, decimal shares, decimal price, decimal proceeds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {SignalId}: {Reason} ({Detail})")]
    private static partial void LogRejected(ILogger logger, string signalId, RejectionReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed: {Settlements} settlements, {Trades} trades, {Rejections} rejections, {LookupFailures} held markets not looked up; cash {Cash}, equity {Equity}")]
    private static partial void LogExecuted(ILogger logger, int settlements, int trades, int rejections, int lookupFailures, decimal cash, decimal equity);
}
