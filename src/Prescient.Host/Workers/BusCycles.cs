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
        var before = (await store.Ledger.ReadLastAsync(1, cancellationToken)).Total;
        await bus.EnsureGroupsAsync();
        await bus.PublishAsync(BusStreams.CycleRequested, $"in-process-{Guid.NewGuid():N}", string.Empty);
        await worker.RunAsync(WorkerRole.All, $"{Environment.MachineName}-{Environment.ProcessId}", untilIdle: true, cancellationToken);
        // Only the records this cycle appended, from the ledger's tail: no whole read per simulated day.
        var tail = await store.Ledger.ReadLastAsync(1, cancellationToken);
        var added = tail.Total == before ? [] : (await store.Ledger.ReadLastAsync(tail.Total - before, cancellationToken)).Records;
        return (added.Count(t => t.Kind == TradeKind.Buy), added.Count(t => t.Kind == TradeKind.Settlement));
    }
}
