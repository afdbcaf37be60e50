using System.Collections.Concurrent;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;

namespace Prescient.Testing.Fakes;

/// <summary>
/// Price history from a function of time: one point every fidelity minutes on the grid from the Unix
/// epoch, both ends included as upstream does, price from <see cref="Price"/>. Tokens in
/// <see cref="BadReplies"/> fail as a server that answered unusably; <see cref="Unreachable"/> fails all.
/// </summary>
public sealed class FakePriceHistorySource(MarketSourceInfo? info = null) : IPriceHistorySource
{
    public MarketSourceInfo Info { get; } = info ?? MarketSourceInfo.Sample;

    public Func<TokenId, long, decimal> Price { get; set; } = (_, t) => 0.25m + ((t / 3600 % 50) / 100m);

    public HashSet<TokenId> BadReplies { get; } = [];

    public bool Unreachable { get; set; }

    /// <summary>Every request, in the order received.</summary>
    public ConcurrentQueue<(TokenId Token, DateTimeOffset From, DateTimeOffset To, int Fidelity)> Requests { get; } = new();

    public Task<HistoryPoint[]> GetAsync(TokenId token, DateTimeOffset from, DateTimeOffset to, int fidelityMinutes, CancellationToken cancellationToken)
    {
        Requests.Enqueue((token, from, to, fidelityMinutes));
        if (Unreachable)
        {
            throw new MarketDataUnavailableException("Polymarket CLOB API (127.0.0.1:1) unavailable: connection refused") { SourceReached = false };
        }

        if (BadReplies.Contains(token))
        {
            throw new MarketDataUnavailableException($"Polymarket CLOB API unavailable: unexpected response: /prices-history for {token}: price history without a history array") { SourceReached = true };
        }

        var step = fidelityMinutes * 60L;
        var first = (from.ToUnixTimeSeconds() + step - 1) / step * step;
        var points = new List<HistoryPoint>();
        for (var t = first; t <= to.ToUnixTimeSeconds(); t += step)
        {
            points.Add(new HistoryPoint(t, Price(token, t)));
        }

        return Task.FromResult(points.ToArray());
    }
}
