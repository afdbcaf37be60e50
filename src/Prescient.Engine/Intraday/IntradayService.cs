using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Calendar;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Intraday;

/// <summary>
/// The intraday mode's step: the strategy run again over the events of markets whose live books
/// changed, on the stored quotes with the live feed's books in place of the ones it holds, and the
/// signals it makes that the ledger does not hold yet executed by <see cref="ExecutionService.ExecuteSignalsAsync"/>:
/// the same rule, the same limits, the same checks. A signal's id is its day, market and action, so a
/// market bought by the morning cycle, or by an earlier evaluation, is not bought again that day,
/// whoever sees it first; the execution replays the ledger under the gate and checks again.
/// </summary>
public sealed partial class IntradayService(
    IMarketSource source,
    IMarketDataStore marketData,
    ITradingStore trading,
    IStrategy strategy,
    ExecutionService execution,
    LiveBooks live,
    IOptions<TradingOptions> tradingOptions,
    TimeProvider time,
    ILogger<IntradayService> logger,
    TradingCalendar? calendar = null)
{
    private readonly TradingCalendar _calendar = calendar ?? TradingCalendar.Utc;

    /// <summary>Evaluates the events of <paramref name="changed"/> and executes their new signals; nothing when no markets or quotes of this source are stored yet.</summary>
    public async Task<IntradayResult> EvaluateAsync(IReadOnlyCollection<MarketId> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var now = time.GetUtcNow();
        var markets = await marketData.ReadMarketsAsync(cancellationToken);
        var quotes = await marketData.ReadQuotesAsync(cancellationToken);
        if (changed.Count == 0 || markets is null || quotes is null || markets.Source.Name != source.Info.Name || quotes.Source.Name != source.Info.Name)
        {
            return IntradayResult.Nothing(now);
        }

        var events = markets.Markets.Where(m => changed.Contains(m.MarketId)).Select(m => m.EventId).ToHashSet();
        var rows = markets.Markets.Where(m => events.Contains(m.EventId)).ToArray();
        var context = new StrategyContext(rows, LiveQuotes(rows, quotes), await PortfolioAsync(cancellationToken), now) { Day = _calendar.DayOf(now) };
        var signals = strategy.Generate(context).Signals.Where(s => !context.Portfolio.HasExecuted(s.SignalId)).ToArray();
        if (signals.Length == 0)
        {
            LogNothingNew(logger, rows.Length, events.Count);
            return new IntradayResult(now, rows.Length, [], null);
        }

        var result = await execution.ExecuteSignalsAsync(signals, cancellationToken);
        LogExecuted(logger, signals.Length, rows.Length, result.Trades.Count, result.Rejections.Count);
        return new IntradayResult(now, rows.Length, signals, result);
    }

    /// <summary>The stored quotes of <paramref name="rows"/>' tokens, each replaced by one made from the live book where the feed holds a current one (made as the refresh makes them).</summary>
    private Dictionary<TokenId, TokenQuote> LiveQuotes(IReadOnlyList<MarketRow> rows, QuotesSnapshot stored)
    {
        var tokens = rows.SelectMany(r => new[] { r.YesTokenId, r.NoTokenId }).OfType<TokenId>().ToHashSet();
        var byToken = new Dictionary<TokenId, TokenQuote>();
        foreach (var quote in stored.Quotes)
        {
            if (tokens.Contains(quote.TokenId))
            {
                byToken.TryAdd(quote.TokenId, quote);
            }
        }

        var books = live.Get(tokens, tradingOptions.Value.MaxBookAge);
        foreach (var row in rows)
        {
            foreach (var (token, index) in new[] { (row.YesTokenId, 0), (row.NoTokenId, 1) })
            {
                if (token is { } id && books.TryGetValue(id, out var book))
                {
                    var outcome = byToken.GetValueOrDefault(id)?.Outcome ?? row.Outcomes.ElementAtOrDefault(index) ?? (index == 0 ? "Yes" : "No");
                    byToken[id] = TokenQuote.From(row, id, outcome, book);
                }
            }
        }

        return byToken;
    }

    private async Task<Portfolio> PortfolioAsync(CancellationToken cancellationToken) =>
        Portfolio.Replay(Usdc.Create(tradingOptions.Value.InitialCash), await trading.Ledger.ReadAllAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Intraday: {Markets} markets of {Events} events evaluated on live books, no new signal")]
    private static partial void LogNothingNew(ILogger logger, int markets, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Intraday: {Signals} new signals from {Markets} markets on live books; {Trades} filled, {Rejections} rejected")]
    private static partial void LogExecuted(ILogger logger, int signals, int markets, int trades, int rejections);
}
