using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Calendar;
using Prescient.Engine.Exits;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using Prescient.Engine.Settlement;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Backtest.Recorded;

/// <summary>
/// <c>prescient backtest --fills recorded</c>: the days of the range that have a tape
/// (<c>simulate --record</c>), replayed step by step on a simulated clock set to each step's instant.
/// A cycle step settles the held markets that resolved (<see cref="SettlementService"/> on the recorded
/// lookups), runs the strategy on the recorded markets and quotes (as <see cref="SignalService"/> does)
/// and decides each signal with <see cref="PaperExecutor.Decide"/> against the recorded books, with the
/// recorded base fees (as <see cref="ExecutionService"/> does), after the exits when the <c>Exits</c> section
/// turns a rule on (<see cref="RecordedExits"/>, between the strategy and the buys, as there); an end-of-day step settles again and
/// marks the positions at the recorded books (<see cref="BookMarks"/>, <see cref="PortfolioValuation"/>),
/// one <see cref="PortfolioDay"/> per day. Nothing is read or written but the tapes: the ledger is in memory.
/// </summary>
public sealed class RecordedBacktestService(
    IMarketTapeStore tapes,
    IEnumerable<IStrategy> strategies,
    IOptions<TradingOptions> trading,
    IOptions<BacktestOptions> options,
    TradingCalendar calendar,
    TimeProvider time,
    IOptions<ExitOptions>? exits = null)
{
    /// <summary>The name a recorded replay gives as its history in the report.</summary>
    public const string HistoryName = "tape";

    public async Task<BacktestResult> RunAsync(BacktestRequest request, IProgress<BacktestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        var strategy = BacktestService.Select(strategies, request.Strategy);
        var days = await tapes.ReadAsync(request.From, request.To, cancellationToken).ConfigureAwait(false);
        if (days.Count == 0)
        {
            throw new Refresh.MissingStateException($"No recorded market data (markets/tape_*.json) from {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}: record a run with `prescient simulate --record`", Refresh.PipelineStep.Quotes);
        }

        var info = days[0].Source;
        var limits = trading.Value;
        var clock = new SimulationClock(days[0].Steps.Count > 0 ? days[0].Steps[0].At : request.Start);
        var source = new TapeMarketSource(info);
        var settlement = new SettlementService(source, clock, NullLogger<SettlementService>.Instance);
        var executor = new PaperExecutor(trading, strategy);
        var exiting = new RecordedExits(new ExitExecutor(exits ?? Options.Create(new ExitOptions()), trading, calendar));
        var portfolio = new Portfolio(Usdc.Create(limits.InitialCash));
        var trades = new List<BacktestTrade>();
        var snapshots = new List<PortfolioDay>();
        var rejections = new Dictionary<RejectionReason, int>();
        var rows = new Dictionary<MarketId, MarketRow>();
        Storage.MarketsSnapshot? markets = null;
        long steps = 0, evaluations = 0;
        var signals = 0;
        var total = days.Sum(d => d.Steps.Count);
        foreach (var day in days)
        {
            foreach (var step in day.Steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.SetUtcNow(step.At);
                source.Play(step);
                var now = step.At;
                var pass = await settlement.SettleAsync(portfolio, Record(portfolio, trades, FillModel.Resolution), cancellationToken).ConfigureAwait(false);
                if (step.Kind == MarketTapeStepKind.Cycle && step.Markets is { } refreshed)
                {
                    markets = refreshed;
                    foreach (var row in refreshed.Markets)
                    {
                        rows[row.MarketId] = row;
                    }

                    evaluations += refreshed.Markets.Count;
                    signals += await TradeAsync(step, refreshed, strategy, new Deciders(executor, exiting, pass), portfolio, source, trades, rejections, cancellationToken).ConfigureAwait(false);
                }
                else if (step.Kind == MarketTapeStepKind.EndOfDay)
                {
                    snapshots.Add(Close(portfolio, pass, source, markets, now, info));
                }

                progress?.Report(new BacktestProgress(++steps, total));
            }
        }

        return new BacktestResult
        {
            Request = request,
            Strategy = strategy.Name,
            StrategySettings = strategy.Settings,
            History = HistoryName,
            Source = info.Name,
            Step = TimeSpan.FromDays(1),
            InitialCash = limits.InitialCash,
            Options = options.Value,
            Fills = FillModel.RecordedBook,
            Trades = trades,
            Days = snapshots,
            Rejections = rejections,
            Markets = rows,
            TokensWithoutMarket = 0,
            Steps = steps,
            PointsPassed = days.Sum(d => d.Steps.Sum(s => (long)s.Books.Count)),
            MarketEvaluations = evaluations,
            Signals = signals,
            Duration = time.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// The strategy on the cycle's markets and quotes (the portfolio before the exits, as the signal run
    /// reads it before the execution), then the exits, then each signal decided against the recorded
    /// books, in the strategy's order.
    /// </summary>
    private async Task<int> TradeAsync(MarketTapeStep step, Storage.MarketsSnapshot refreshed, IStrategy strategy, Deciders deciders, Portfolio portfolio, TapeMarketSource source, List<BacktestTrade> trades, Dictionary<RejectionReason, int> rejections, CancellationToken cancellationToken)
    {
        var (executor, exiting) = (deciders.Buys, deciders.Exits);
        var now = step.At;
        var quotes = new Dictionary<TokenId, TokenQuote>(step.Quotes.Count);
        foreach (var quote in step.Quotes)
        {
            quotes.TryAdd(quote.TokenId, quote);
        }

        var result = strategy.Generate(new StrategyContext(refreshed.Markets, quotes, portfolio, now) { Day = calendar.DayOf(now) });
        var markets = RefreshQuotes.ByMarket(refreshed, now, trading.Value.MaxSignalAge);
        var open = result.Signals.Where(s => !portfolio.HasExecuted(s.SignalId)).ToArray();
        var wanted = open.Select(s => (s.MarketId, s.TokenId)).ToArray();
        var books = source.Books(wanted.Select(w => w.TokenId).Concat(Positions.BookMarks.Twins(wanted, markets)));
        var feeRates = new FeeRates(source, NullLogger.Instance);
        if (exiting.Enabled)
        {
            var (sold, refused) = await exiting.SellAsync(portfolio, markets, deciders.Pass, source, feeRates, now, cancellationToken).ConfigureAwait(false);
            trades.AddRange(sold.Select(t => new BacktestTrade(t, FillModel.RecordedBook)));
            foreach (var rejection in refused)
            {
                rejections[rejection.Reason] = rejections.GetValueOrDefault(rejection.Reason) + 1;
            }
        }

        foreach (var signal in result.Signals)
        {
            var market = markets.GetValueOrDefault(signal.MarketId);
            var complement = BookGuard.ComplementOf(market, signal.TokenId) is { } other ? books.GetValueOrDefault(other) : null;
            var fees = portfolio.HasExecuted(signal.SignalId) ? null : await feeRates.ResolveAsync(market, signal.TokenId, cancellationToken).ConfigureAwait(false);
            var decision = exiting.Refuse(signal, portfolio, now) is { } exited
                ? ExecutionDecision.Reject(exited)
                : executor.Decide(signal, market, books.GetValueOrDefault(signal.TokenId), complement, portfolio, now, source.Info.Name, fees);
            if (decision.Trade is { } trade)
            {
                portfolio.Apply(trade);
                trades.Add(new BacktestTrade(trade, FillModel.RecordedBook));
            }
            else
            {
                rejections[decision.Rejection!.Reason] = rejections.GetValueOrDefault(decision.Rejection.Reason) + 1;
            }
        }

        return result.Signals.Count;
    }

    /// <summary>The day's snapshot as the end of day makes it: held tokens marked at the recorded books (twins with them), closed markets awaiting resolution at the pass's marks.</summary>
    private PortfolioDay Close(Portfolio portfolio, SettlementPass pass, TapeMarketSource source, Storage.MarketsSnapshot? refreshed, DateTimeOffset now, Markets.MarketSourceInfo info)
    {
        var pending = pass.PendingMarks;
        var held = portfolio.Positions.Where(p => !pending.ContainsKey(p.TokenId)).Select(p => (p.MarketId, p.TokenId)).ToArray();
        var markets = RefreshQuotes.ByMarket(refreshed, now, trading.Value.MaxSignalAge);
        var marks = held.Length == 0 ? [] : Positions.BookMarks.From(held, source.Books(held.Select(h => h.TokenId).Concat(Positions.BookMarks.Twins(held, markets))), markets, trading.Value);
        var snapshot = Positions.PortfolioValuation.Value(portfolio, pass.WithBookMarks(marks), now, info, pass.LookupProblems);
        return History.PortfolioDays.From(snapshot, calendar.DayOf(now), now, info.Name);
    }

    /// <summary>What decides a cycle step's records: the paper executor (buys), the exits, and the step's settlement pass they read.</summary>
    private sealed record Deciders(PaperExecutor Buys, RecordedExits Exits, SettlementPass Pass);

    private static Func<Trade, CancellationToken, Task> Record(Portfolio portfolio, List<BacktestTrade> trades, string fillModel) =>
        (trade, _) =>
        {
            portfolio.Apply(trade);
            trades.Add(new BacktestTrade(trade, fillModel));
            return Task.CompletedTask;
        };
}
