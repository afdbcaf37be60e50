using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;

namespace Prescient.Engine.Backtest;

/// <summary>
/// What a strategy may read of the recorded history at a step: for each token, the points at or
/// before <see cref="Now"/> and nothing later. It is the only handle on the history a backtest hands
/// out (strategies implementing <see cref="IReadsPriceHistory"/> get it); asking for a later time
/// throws, so a decision at t cannot see t + 1.
/// </summary>
public sealed class PriceWindow
{
    private readonly Dictionary<TokenId, ReplayMarket> _byToken;

    internal PriceWindow(IEnumerable<ReplayMarket> markets)
    {
        _byToken = [];
        foreach (var market in markets)
        {
            _byToken[market.Yes] = market;
            _byToken[market.No] = market;
        }
    }

    /// <summary>The simulated now (UTC).</summary>
    public DateTimeOffset Now { get; internal set; }

    /// <summary>The latest price of <paramref name="token"/> at or before now (the other token of a market mirrored as 1 − price); null before its first point or for an unknown token.</summary>
    public decimal? Latest(TokenId token)
    {
        if (!_byToken.TryGetValue(token, out var market) || market.Latest is not { } point)
        {
            return null;
        }

        return token == market.Series ? point.Price : 1m - point.Price;
    }

    /// <summary>The recorded points of <paramref name="token"/> in the month loaded now, up to now; empty for a token not recorded (a mirrored one).</summary>
    public ReadOnlySpan<HistoryPoint> Seen(TokenId token) =>
        _byToken.TryGetValue(token, out var market) && market.Series == token ? market.Seen : [];

    /// <summary>The price of <paramref name="token"/> as it stood at <paramref name="at"/>; throws for a time after <see cref="Now"/>.</summary>
    public decimal? PriceAt(TokenId token, DateTimeOffset at)
    {
        if (at > Now)
        {
            throw new InvalidOperationException($"Look-ahead refused: a decision at {Now:O} asked for the price of token {token} at {at:O}.");
        }

        var seen = Seen(token);
        var time = at.ToUnixTimeSeconds();
        for (var i = seen.Length - 1; i >= 0; i--)
        {
            if (seen[i].UnixSeconds <= time)
            {
                return seen[i].Price;
            }
        }

        return at == Now ? Latest(token) : null;
    }
}

/// <summary>A strategy that reads recorded history beyond the quotes of its context: a backtest attaches its <see cref="PriceWindow"/> before the first step.</summary>
public interface IReadsPriceHistory
{
    void Attach(PriceWindow window);
}
