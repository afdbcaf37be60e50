using System.Collections.Concurrent;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;

namespace Prescient.Testing.Fakes;

/// <summary>Token-months in memory; <see cref="Damage"/> marks one as a file that no longer checks.</summary>
public sealed class InMemoryPriceHistoryCache : IPriceHistoryCache
{
    private readonly ConcurrentDictionary<(TokenId, HistoryMonth), PriceMonth> _months = new();
    private readonly ConcurrentDictionary<(TokenId, HistoryMonth), string> _damaged = new();

    public string Location => "memory";

    public int Writes { get; private set; }

    public PriceMonth? Get(TokenId token, HistoryMonth month) => _months.GetValueOrDefault((token, month));

    public void Damage(TokenId token, HistoryMonth month) => _damaged[(token, month)] = "checksum mismatch";

    public Task<CachedMonth> InspectAsync(TokenId token, HistoryMonth month, CancellationToken cancellationToken) =>
        Task.FromResult(
            _damaged.TryGetValue((token, month), out var problem) ? CachedMonth.Damaged(problem)
            : _months.TryGetValue((token, month), out var stored) ? CachedMonth.Stored(stored.Complete, stored.Simulated, stored.FidelityMinutes)
            : CachedMonth.Missing);

    public Task WriteAsync(PriceMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(month);
        _months[(month.Token, month.Month)] = month;
        _damaged.TryRemove((month.Token, month.Month), out _);
        Writes++;
        return Task.CompletedTask;
    }

    public int RemoveLeftovers() => 0;
}
