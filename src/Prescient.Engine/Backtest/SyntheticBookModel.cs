using Prescient.Domain.Books;
using Prescient.Domain.Ids;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The books a backtest fills against where only a price was recorded. Around the YES price p: best
/// bid = p − half-spread rounded down to the tick, best ask = p + half-spread rounded up (at least
/// one tick apart, inside [tick, 1 − tick]), then <see cref="BacktestOptions.Levels"/> levels per
/// side one tick apart with <see cref="BacktestOptions.LevelShares"/> shares each. The NO book is
/// the mirror (NO ask = 1 − YES bid), as on the exchange where both books are one set of orders. Pure.
/// </summary>
public sealed class SyntheticBookModel
{
    private const decimal DefaultTick = 0.01m;
    private readonly BacktestOptions _options;

    public SyntheticBookModel(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _options = options;
    }

    public BacktestOptions Options => _options;

    /// <summary>The YES best bid and best ask for <paramref name="yesPrice"/> in [0, 1] on a tick (USDC); no allocation.</summary>
    public (decimal Bid, decimal Ask) Touch(decimal yesPrice, decimal? tick)
    {
        var step = tick is > 0m and < 0.5m ? tick.Value : DefaultTick;
        var bid = Math.Floor((yesPrice - _options.HalfSpread) / step) * step;
        var ask = Math.Ceiling((yesPrice + _options.HalfSpread) / step) * step;
        bid = Math.Clamp(bid, step, 1m - (2m * step));
        ask = Math.Clamp(ask, bid + step, 1m - step);
        return (bid, ask);
    }

    /// <summary>The best bid of the token bought: the YES bid, or for NO 1 − the YES ask (what a holding could be sold at).</summary>
    public decimal BestBid(decimal yesPrice, decimal? tick, bool yes)
    {
        var (bid, ask) = Touch(yesPrice, tick);
        return yes ? bid : 1m - ask;
    }

    /// <summary>The YES and NO books around <paramref name="yesPrice"/>, stamped <paramref name="at"/>.</summary>
    public (OrderBook Yes, OrderBook No) Books(TokenId yesToken, TokenId noToken, ConditionId condition, decimal yesPrice, decimal? tick, decimal? minOrderSize, DateTimeOffset at)
    {
        var step = tick is > 0m and < 0.5m ? tick.Value : DefaultTick;
        var (bid, ask) = Touch(yesPrice, step);
        var yesBids = new List<BookLevel>(_options.Levels);
        var yesAsks = new List<BookLevel>(_options.Levels);
        var noBids = new List<BookLevel>(_options.Levels);
        var noAsks = new List<BookLevel>(_options.Levels);
        for (var i = 0; i < _options.Levels; i++)
        {
            var b = bid - (i * step);
            var a = ask + (i * step);
            if (b >= step)
            {
                yesBids.Add(new BookLevel(b, _options.LevelShares));
                noAsks.Add(new BookLevel(1m - b, _options.LevelShares));
            }

            if (a <= 1m - step)
            {
                yesAsks.Add(new BookLevel(a, _options.LevelShares));
                noBids.Add(new BookLevel(1m - a, _options.LevelShares));
            }
        }

        var yes = OrderBook.Create(yesToken, condition, yesBids, yesAsks) with { TickSize = step, MinOrderSize = minOrderSize, Timestamp = at, LastTradePrice = yesPrice };
        var no = OrderBook.Create(noToken, condition, noBids, noAsks) with { TickSize = step, MinOrderSize = minOrderSize, Timestamp = at, LastTradePrice = 1m - yesPrice };
        return (yes, no);
    }
}
