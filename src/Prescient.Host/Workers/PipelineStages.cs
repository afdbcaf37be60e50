using System.Text.Json;
using Microsoft.Extensions.Logging;
using Prescient.Bus.Redis;
using Prescient.Domain.Signals;
using Prescient.Engine.Exports;
using Prescient.Engine.Refresh;
using Prescient.Engine.Runs;
using Prescient.Engine.Trading;
using Prescient.Storage.Files.Json;

namespace Prescient.Host.Workers;

/// <summary>
/// What each stage of the cycle does with its message, through the very use-cases of <c>prescient
/// cycle</c>, and the message it publishes for the next stage (once per cycle). Every handler can run
/// again after a crash without harm: a refresh and the signals replace their documents, the execution
/// never fills a signal the ledger holds (the database's one-trade-per-signal key backs it), the mark
/// rewrites the exports.
/// </summary>
public sealed partial class PipelineStages(
    RedisBus bus,
    RefreshService refresh,
    LiveSignals signals,
    ExecutionService execution,
    ExportService exports,
    IRunLog runs,
    TimeProvider time,
    ILogger<PipelineStages> logger)
{
    /// <summary>The streams a worker of <paramref name="role"/> reads, in pipeline order.</summary>
    public static IReadOnlyList<string> StreamsOf(WorkerRole role) => role switch
    {
        WorkerRole.Quotes => [BusStreams.CycleRequested],
        WorkerRole.Signals => [BusStreams.QuotesRefreshed],
        WorkerRole.Execution => [BusStreams.SignalsGenerated, BusStreams.OrdersExecuted],
        _ => BusStreams.Stages,
    };

    public async Task HandleAsync(BusMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Stream)
        {
            case BusStreams.CycleRequested:
                var refreshed = await refresh.RefreshAsync(null, cancellationToken);
                LogStage(logger, message.Cycle, "quotes", $"{refreshed.Events.EventsKept} events kept, {refreshed.Quotes.Tokens} tokens quoted");
                await bus.PublishAsync(BusStreams.QuotesRefreshed, message.Cycle, string.Empty);
                break;
            case BusStreams.QuotesRefreshed:
                var generated = await signals.GenerateAsync(cancellationToken);
                LogStage(logger, message.Cycle, "signals", $"{generated.Signals} signals");
                await bus.PublishAsync(BusStreams.SignalsGenerated, message.Cycle, JsonSerializer.Serialize(generated.Snapshot.Signals, PrescientJson.CompactOptions));
                break;
            case BusStreams.SignalsGenerated:
                var list = JsonSerializer.Deserialize<List<Signal>>(message.Payload, PrescientJson.CompactOptions) ?? [];
                var executed = await execution.ExecuteSignalsAsync(list, cancellationToken);
                var summary = $"{executed.Trades.Count} trades, {executed.Settlements.Count} settlements, {executed.Rejections.Count} rejections; equity {executed.Portfolio.Equity}, cash {executed.Portfolio.Cash} USDC";
                LogStage(logger, message.Cycle, "execution", summary);
                await bus.PublishAsync(BusStreams.OrdersExecuted, message.Cycle, summary);
                break;
            case BusStreams.OrdersExecuted:
                var started = time.GetUtcNow();
                await exports.ExportHistoryAsync(cancellationToken);
                await runs.AppendAsync(new RunRecord(RunKinds.Cycle, started, time.GetUtcNow(), true, $"bus cycle {message.Cycle}: {message.Payload}"), cancellationToken);
                LogStage(logger, message.Cycle, "mark", "history exports written, run recorded");
                break;
            default:
                throw new InvalidOperationException($"no stage reads {message.Stream}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {Cycle}: {Stage} done ({Summary})")]
    private static partial void LogStage(ILogger logger, string cycle, string stage, string summary);
}
