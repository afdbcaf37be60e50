using Prescient.Bus.Redis;
using Prescient.Domain.Trading;
using Prescient.Engine.Storage;

namespace Prescient.Host.Workers;

/// <summary>
/// A cycle queued on the bus and run to its end by a worker of this process (all roles) — how
/// <c>simulate --bus redis</c> runs each morning, so its days go through the very messages, stages and
/// handlers that workers on other machines run.
/// </summary>
public sealed class BusCycles(RedisBus bus, PipelineWorker worker, ITradingStore store)
{
    /// <summary>Queues a cycle, works every stage until the bus is idle; returns the buys and settlements it added to the ledger.</summary>
    public async Task<(int Bought, int Settled)> RunAsync(CancellationToken cancellationToken)
    {
        var before = (await store.Ledger.ReadAllAsync(cancellationToken)).Count;
        await bus.EnsureGroupsAsync();
        await bus.PublishAsync(BusStreams.CycleRequested, $"in-process-{Guid.NewGuid():N}", string.Empty);
        await worker.RunAsync(WorkerRole.All, $"{Environment.MachineName}-{Environment.ProcessId}", untilIdle: true, cancellationToken);
        var added = (await store.Ledger.ReadAllAsync(cancellationToken)).Skip(before).ToList();
        return (added.Count(t => t.Kind == TradeKind.Buy), added.Count(t => t.Kind == TradeKind.Settlement));
    }
}
