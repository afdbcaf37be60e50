using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Calendar;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Refresh;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Signals;

/// <summary>
/// Phase 2 behind the CLI and the API: runs the strategy over the last extracted markets and quotes
/// and the portfolio rebuilt from the ledger, and writes <c>trades/current_signals.json</c> and
/// <c>exports/signals_current.csv</c>. Writers run through the process-wide <see cref="UseCaseGate"/>.
/// </summary>
public sealed partial class SignalService(
    IMarketSource source,
    IMarketDataStore marketData,
    ITradingStore trading,
    ICsvExporter exporter,
    IStrategy strategy,
    IOptions<TradingOptions> tradingOptions,
    UseCaseGate gate,
    TimeProvider time,
    ILogger<SignalService> logger,
    TradingCalendar? calendar = null)
{
    private readonly TradingCalendar _calendar = calendar ?? TradingCalendar.Utc;

    /// <summary>Generates and stores the current signals; <see cref="MissingStateException"/> when markets or quotes are missing or from another source.</summary>
    public Task<SignalsResult> GenerateAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(GenerateCoreAsync, cancellationToken);

    /// <summary>The signals last stored; <see cref="MissingStateException"/> when none have been generated.</summary>
    public async Task<SignalsSnapshot> ReadCurrentAsync(CancellationToken cancellationToken) =>
        await trading.ReadSignalsAsync(cancellationToken) ?? throw NoSignals();

    /// <summary>Regenerates <c>signals_current.csv</c> from the stored signals, without running the strategy; returns its path.</summary>
    public Task<string> ExportCsvAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(
            async ct =>
            {
                var snapshot = await trading.ReadSignalsAsync(ct) ?? throw NoSignals();
                return await exporter.ExportSignalsAsync(snapshot, ct);
            },
            cancellationToken);

    private async Task<SignalsResult> GenerateCoreAsync(CancellationToken cancellationToken)
    {
        var markets = await marketData.ReadMarketsAsync(cancellationToken)
            ?? throw new MissingStateException("No extracted markets yet", PipelineStep.Events);
        var quotes = await marketData.ReadQuotesAsync(cancellationToken)
            ?? throw new MissingStateException("No quotes yet", PipelineStep.Quotes);
        RequireSource("events/filtered_markets.json", markets.Source);
        RequireSource("markets/market_cache.json", quotes.Source);

        var ledger = await trading.Ledger.ReadAllAsync(cancellationToken);
        var portfolio = Portfolio.Replay(Usdc.Create(tradingOptions.Value.InitialCash), ledger);
        var byToken = new Dictionary<TokenId, TokenQuote>(quotes.Quotes.Count);
        foreach (var quote in quotes.Quotes)
        {
            byToken.TryAdd(quote.TokenId, quote);
        }

        var now = time.GetUtcNow();
        var result = strategy.Generate(new StrategyContext(markets.Markets, byToken, portfolio, now) { Day = _calendar.DayOf(now) });
        var snapshot = new SignalsSnapshot(now, source.Info, strategy.Name, strategy.Settings, result.Signals, result.Skipped);
        var json = await trading.WriteSignalsAsync(snapshot, cancellationToken);
        var csv = await exporter.ExportSignalsAsync(snapshot, cancellationToken);
        var skipped = result.Skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        LogGenerated(logger, result.Signals.Count, strategy.Name, result.Skipped.Count, markets.Markets.Count, source.Info.Name);
        return new SignalsResult(snapshot, result.Signals.Count, skipped, [json, csv]);
    }

    private void RequireSource(string file, MarketSourceInfo stored)
    {
        if (stored.Name != source.Info.Name)
        {
            throw new MissingStateException($"{file} came from the {stored.Name} source, not {source.Info.Name}", PipelineStep.Events);
        }
    }

    private static MissingStateException NoSignals() =>
        new("No signals yet", PipelineStep.Signals);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Signals} signals with the {Strategy} strategy ({Skipped} of {Markets} markets skipped) from {Source}")]
    private static partial void LogGenerated(ILogger logger, int signals, string strategy, int skipped, int markets, string source);
}
