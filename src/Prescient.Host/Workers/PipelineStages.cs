using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// rewrites the exports. A cycle's signals go to the execution stage in parts of
/// <see cref="BusOptions.ExecutionBatch"/>, so several execution workers share them (one at a time holds
/// the portfolio's lease; the others wait, their next message read); the part that ends last publishes
/// the mark.
/// </summary>
public sealed partial class PipelineStages(
    RedisBus bus,
    RefreshService refresh,
    LiveSignals signals,
    ExecutionService execution,
    ExportService exports,
    IRunLog runs,
    IOptions<BusOptions> options,
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
                await PublishSignalsAsync(message.Cycle, generated.Snapshot.Signals);
                break;
            case BusStreams.SignalsGenerated:
                var list = JsonSerializer.Deserialize<List<Signal>>(message.Payload, PrescientJson.CompactOptions) ?? [];
                var executed = await execution.ExecuteSignalsAsync(list, cancellationToken);
                var summary = $"{executed.Trades.Count} trades, {executed.Settlements.Count} settlements, {executed.Rejections.Count} rejections; equity {executed.Portfolio.Equity}, cash {executed.Portfolio.Cash} USDC";
                LogStage(logger, message.Cycle, message.Part is { } done ? $"execution part {done}" : "execution", summary);
                if (message.Part is not { } part)
                {
                    await bus.PublishAsync(BusStreams.OrdersExecuted, message.Cycle, summary);
                }
                else if (await bus.CompletePartAsync(BusStreams.SignalsGenerated, message.Cycle, part))
                {
                    await bus.PublishAsync(BusStreams.OrdersExecuted, message.Cycle, $"{part.Count} parts executed, the last {summary}");
                }

                break;
            case BusStreams.OrdersExecuted:
                await MarkAsync(message, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"no stage reads {message.Stream}");
        }
    }

    /// <summary>The cycle's signals for the execution stage: one message, or parts of <see cref="BusOptions.ExecutionBatch"/> signals each (in the signals' order).</summary>
    private async Task PublishSignalsAsync(string cycle, IReadOnlyList<Signal> signals)
    {
        var batch = options.Value.ExecutionBatch;
        if (batch <= 0 || signals.Count <= batch)
        {
            await bus.PublishAsync(BusStreams.SignalsGenerated, cycle, JsonSerializer.Serialize(signals, PrescientJson.CompactOptions));
            return;
        }

        var parts = signals.Chunk(batch).ToArray();
        for (var i = 0; i < parts.Length; i++)
        {
            await bus.PublishAsync(BusStreams.SignalsGenerated, cycle, JsonSerializer.Serialize(parts[i], PrescientJson.CompactOptions), new MessagePart(i, parts.Length));
        }
    }

    /// <summary>The history exports, and the cycle's run record once (a mark run again after a crash finds its record and adds none).</summary>
    private async Task MarkAsync(BusMessage message, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        await exports.ExportHistoryAsync(cancellationToken);
        var detail = $"bus cycle {message.Cycle}: ";
        var last = await runs.LastAsync(RunKinds.Cycle, cancellationToken);
        if (last?.Summary.StartsWith(detail, StringComparison.Ordinal) != true)
        {
            await runs.AppendAsync(new RunRecord(RunKinds.Cycle, started, time.GetUtcNow(), true, detail + message.Payload), cancellationToken);
        }

        LogStage(logger, message.Cycle, "mark", "history exports written, run recorded");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {Cycle}: {Stage} done ({Summary})")]
    private static partial void LogStage(ILogger logger, string cycle, string stage, string summary);
}
