using System.Runtime.CompilerServices;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;

namespace Prescient.Testing.Fakes;

/// <summary>A market history held in memory: points per token (sorted on read) and resolutions per token; one chunk per UTC month, as the cache gives them.</summary>
public sealed class InMemoryMarketHistory : IMarketHistory
{
    public Dictionary<TokenId, List<HistoryPoint>> Points { get; } = [];

    public Dictionary<TokenId, HistoryResolution> Resolutions { get; } = [];

    public string Name => "in-memory history";

    public void Add(TokenId token, DateTimeOffset at, decimal price)
    {
        if (!Points.TryGetValue(token, out var list))
        {
            Points[token] = list = [];
        }

        list.Add(HistoryPoint.At(at, price));
    }

    public Task<IReadOnlyList<TokenId>> TokensAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TokenId>>([.. Points.Keys.Order()]);

    public async IAsyncEnumerable<ReadOnlyMemory<HistoryPoint>> ReadAsync(TokenId token, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        var points = Points.GetValueOrDefault(token) ?? [];
        foreach (var month in points.Where(p => p.Time >= from && p.Time < to).OrderBy(p => p.UnixSeconds).GroupBy(p => HistoryMonth.Of(p.Time)))
        {
            yield return month.ToArray();
        }
    }

    public Task<HistoryResolution?> ResolutionAsync(TokenId token, CancellationToken cancellationToken) =>
        Task.FromResult(Resolutions.GetValueOrDefault(token));
}
