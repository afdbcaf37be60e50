using System.Runtime.CompilerServices;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;

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

    /// <summary>
    /// The sides by exact price and tick (their bits, scale included: 0.5 and 0.50 give levels written
    /// differently). Prices sit on a tick grid and recur, so a run computes each book shape once; the
    /// arrays are shared read-only by the quotes made from them. One model per backtest: not thread-safe.
    /// </summary>
    private readonly Dictionary<(decimal Price, decimal Step), BookSides> _sides = new(new ExactPair());

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
        var (yesBids, yesAsks, noBids, noAsks) = Levels(yesPrice, step).BookLevels;
        var yes = OrderBook.Create(yesToken, condition, yesBids, yesAsks) with { TickSize = step, MinOrderSize = minOrderSize, Timestamp = at, LastTradePrice = yesPrice };
        var no = OrderBook.Create(noToken, condition, noBids, noAsks) with { TickSize = step, MinOrderSize = minOrderSize, Timestamp = at, LastTradePrice = 1m - yesPrice };
        return (yes, no);
    }

    /// <summary>
    /// The quotes of <paramref name="row"/>'s two tokens on the books of <see cref="Books"/>, exactly as
    /// <see cref="TokenQuote.From(MarketRow, TokenId, string, OrderBook?)"/> makes them from those books, without building the books
    /// (a backtest requotes every market whose price moved, every step).
    /// </summary>
    public (TokenQuote Yes, TokenQuote No) Quotes(MarketRow row, TokenId yesToken, TokenId noToken, decimal yesPrice, decimal? tick, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Quotes(row, yesToken, noToken, Sides(yesPrice, tick), yesPrice, at);
    }

    /// <summary>The four sides of the books around <paramref name="yesPrice"/> (cached: shared, read-only).</summary>
    internal BookSides Sides(decimal yesPrice, decimal? tick) => Levels(yesPrice, tick is > 0m and < 0.5m ? tick.Value : DefaultTick);

    /// <summary>As <see cref="Quotes(MarketRow, TokenId, TokenId, decimal, decimal?, DateTimeOffset)"/>, on sides already looked up.</summary>
    internal static (TokenQuote Yes, TokenQuote No) Quotes(MarketRow row, TokenId yesToken, TokenId noToken, BookSides sides, decimal yesPrice, DateTimeOffset at) =>
        (Quote(row, yesToken, row.Outcomes.ElementAtOrDefault(0) ?? "Yes", sides.YesBids, sides.YesAsks, sides.Step, yesPrice, at),
         Quote(row, noToken, row.Outcomes.ElementAtOrDefault(1) ?? "No", sides.NoBids, sides.NoAsks, sides.Step, 1m - yesPrice, at));

    /// <summary>What the built-in rules read of the quotes of <see cref="Quotes(MarketRow, TokenId, TokenId, BookSides, decimal, DateTimeOffset)"/>, as values (nothing allocated).</summary>
    internal static (RuleQuote Yes, RuleQuote No) RuleQuotes(TokenId yesToken, TokenId noToken, string yesOutcome, string noOutcome, BookSides sides, decimal yesPrice) =>
        (View(yesToken, yesOutcome, sides.YesBids, sides.YesAsks, sides.Step, yesPrice),
         View(noToken, noOutcome, sides.NoBids, sides.NoAsks, sides.Step, 1m - yesPrice));

    /// <summary>The four sides, best first: YES bids and asks a tick apart from the touch, the NO sides their mirror (NO ask = 1 − YES bid).</summary>
    private BookSides Levels(decimal yesPrice, decimal step)
    {
        if (!_sides.TryGetValue((yesPrice, step), out var sides))
        {
            sides = Compute(yesPrice, step);
            _sides.Add((yesPrice, step), sides);
        }

        return sides;
    }

    private BookSides Compute(decimal yesPrice, decimal step)
    {
        var (bid, ask) = Touch(yesPrice, step);
        var bids = 0;
        var asks = 0;
        while (bids < _options.Levels && bid - (bids * step) >= step)
        {
            bids++;
        }

        while (asks < _options.Levels && ask + (asks * step) <= 1m - step)
        {
            asks++;
        }

        var (yesBids, noAsks) = (new QuoteLevel[bids], new QuoteLevel[bids]);
        var (yesAsks, noBids) = (new QuoteLevel[asks], new QuoteLevel[asks]);
        for (var i = 0; i < bids; i++)
        {
            var b = bid - (i * step);
            yesBids[i] = new QuoteLevel(b, _options.LevelShares);
            noAsks[i] = new QuoteLevel(1m - b, _options.LevelShares);
        }

        for (var i = 0; i < asks; i++)
        {
            var a = ask + (i * step);
            yesAsks[i] = new QuoteLevel(a, _options.LevelShares);
            noBids[i] = new QuoteLevel(1m - a, _options.LevelShares);
        }

        return new BookSides(yesBids, yesAsks, noBids, noAsks, step);
    }

    private static TokenQuote Quote(MarketRow row, TokenId token, string outcome, QuoteLevel[] bids, QuoteLevel[] asks, decimal step, decimal last, DateTimeOffset at)
    {
        decimal? best = bids.Length > 0 ? bids[0].Price : null;
        decimal? offer = asks.Length > 0 ? asks[0].Price : null;
        return new TokenQuote
        {
            TokenId = token,
            ConditionId = row.ConditionId,
            MarketId = row.MarketId,
            EventId = row.EventId,
            Question = row.Question,
            Outcome = outcome,
            HasBook = true,
            BestBid = best,
            BestAsk = offer,
            Mid = best is { } b && offer is { } a ? (b + a) / 2m : null,
            Spread = best is { } b2 && offer is { } a2 ? a2 - b2 : null,
            Bids = bids,
            Asks = asks,
            TickSize = step,
            MinOrderSize = row.MinOrderSize,
            LastTradePrice = last,
            BookTimestamp = at,
        };
    }

    private static RuleQuote View(TokenId token, string outcome, QuoteLevel[] bids, QuoteLevel[] asks, decimal step, decimal last)
    {
        decimal? best = bids.Length > 0 ? bids[0].Price : null;
        decimal? offer = asks.Length > 0 ? asks[0].Price : null;
        return new RuleQuote(token, outcome, best, offer, best is { } b && offer is { } a ? (b + a) / 2m : null, last, step, asks);
    }

    /// <summary>Equal when both decimals have the same bits (value and scale), unlike decimal equality; the 16 bytes read as two words.</summary>
    private sealed class ExactPair : IEqualityComparer<(decimal Price, decimal Step)>
    {
        public bool Equals((decimal Price, decimal Step) x, (decimal Price, decimal Step) y) => Bits(x.Price) == Bits(y.Price) && Bits(x.Step) == Bits(y.Step);

        public int GetHashCode((decimal Price, decimal Step) pair) => HashCode.Combine(Bits(pair.Price), Bits(pair.Step));

        private static (ulong, ulong) Bits(decimal d) => Unsafe.As<decimal, (ulong, ulong)>(ref d);
    }
}

/// <summary>The four sides of a synthetic book pair, best first, on the tick <paramref name="Step"/> (USDC): shared read-only by every quote made from them.</summary>
internal sealed record BookSides(QuoteLevel[] YesBids, QuoteLevel[] YesAsks, QuoteLevel[] NoBids, QuoteLevel[] NoAsks, decimal Step)
{
    private (BookLevel[], BookLevel[], BookLevel[], BookLevel[])? _book;

    /// <summary>The same sides as the (immutable) levels of an <see cref="OrderBook"/>, made once: YES bids, YES asks, NO bids, NO asks.</summary>
    public (BookLevel[] YesBids, BookLevel[] YesAsks, BookLevel[] NoBids, BookLevel[] NoAsks) BookLevels => _book ??= (Book(YesBids), Book(YesAsks), Book(NoBids), Book(NoAsks));

    private static BookLevel[] Book(QuoteLevel[] levels) => Array.ConvertAll(levels, l => new BookLevel(l.Price, l.Size));
}
