using Prescient.Engine.Markets;

namespace Prescient.Polymarket.Http;

/// <summary>
/// Ends requests a stream started ahead of its consumer (a prefetched page, books batches in
/// flight) when the consumer stops early or the stream fails: cancels them and waits for them, so
/// no request outlives the enumerator and no task fault goes unobserved.
/// </summary>
internal static class AbandonedRequests
{
    public static async Task DrainAsync(CancellationTokenSource requests, IEnumerable<Task> pending)
    {
        var tasks = pending.ToArray();
        if (tasks.Length == 0)
        {
            return;
        }

        await requests.CancelAsync().ConfigureAwait(false);
        foreach (var task in tasks)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or MarketDataUnavailableException)
            {
                // Nobody reads this request's result any more: its cancellation or failure is expected and moot.
            }
        }
    }
}
