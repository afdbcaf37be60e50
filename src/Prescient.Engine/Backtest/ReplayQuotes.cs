using Prescient.Domain.Ids;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The quotes of a replay: each market's quote in force (<see cref="ReplayMarket.QuotedPrice"/> and its book
/// sides), replaced when its price changes, it closes or its price goes stale. For a strategy asked through
/// <see cref="IStrategy.Generate"/> it also keeps the quote objects and rows as of now that the context hands out
/// (<see cref="Tokens"/>, <see cref="ReplayMarket.AsOf"/>); for a built-in one (<see cref="IRuleStrategy"/>) the
/// rule reads the same numbers as values (<see cref="Candidate"/>) and a requote allocates nothing.
/// </summary>
internal sealed class ReplayQuotes(SyntheticBookModel books, bool objects)
{
    /// <summary>The quote of every quoted token (kept only when <c>objects</c>).</summary>
    public Dictionary<TokenId, TokenQuote> Tokens { get; } = new(TokenKeys.Instance);

    /// <summary>True when the market's quote must go: it closed, or its price went stale.</summary>
    public bool Refresh(ReplayMarket market, long t) => market.QuotedPrice is not null && !Quotable(market, t);

    public void Requote(ReplayMarket market, long t)
    {
        if (objects)
        {
            Tokens.Remove(market.Yes);
            Tokens.Remove(market.No);
        }

        var closed = market.IsClosedAt(t);
        if (!Quotable(market, t) || market.LatestYesPrice is not { } price)
        {
            market.QuotedPrice = null;
            market.QuotedSides = null;
            if (objects)
            {
                market.Quotes = null;
                market.AsOf = market.Row with { Closed = closed, Active = !closed, AcceptingOrders = false };
            }

            return;
        }

        var sides = books.Sides(price, market.Tick);
        market.QuotedPrice = price;
        market.QuotedSides = sides;
        if (objects)
        {
            var (yes, no) = SyntheticBookModel.Quotes(market.Row, market.Yes, market.No, sides, price, market.Latest!.Value.Time);
            market.AsOf = AsOf(market.Row, price, sides);
            market.Quotes = (yes, no);
            Tokens[market.Yes] = yes;
            Tokens[market.No] = no;
        }
    }

    /// <summary>The row as the context shows it now: as of the quote in force (open, its prices those of the synthetic book), else not accepting orders.</summary>
    public MarketRow Row(ReplayMarket market) =>
        market.AsOf ?? (market.QuotedPrice is { } price ? AsOf(market.Row, price, market.QuotedSides!) : market.Row with { Closed = false, AcceptingOrders = false });

    /// <summary>True when the market is a built-in rule's candidate: quoted (so open and accepting orders), its order book enabled.</summary>
    public static bool Candidate(ReplayMarket market) => market.QuotedPrice is not null && market.Row.EnableOrderBook;

    private bool Quotable(ReplayMarket market, long t) =>
        !market.IsClosedAt(t) && market.Latest is { } p && t - p.UnixSeconds <= (long)books.Options.MaxPriceAge.TotalSeconds;

    /// <summary>The quotes in force of one event's markets, as the values the built-in rules read.</summary>
    public readonly struct Values(ReplayMarket[] markets) : IRuleQuotes
    {
        public (RuleQuote Yes, RuleQuote No) QuotesOf(int index)
        {
            var market = markets[index];
            return SyntheticBookModel.RuleQuotes(market.Yes, market.No, market.YesOutcome, market.NoOutcome, market.QuotedSides!, market.QuotedPrice!.Value);
        }
    }

    private static MarketRow AsOf(MarketRow row, decimal price, BookSides sides)
    {
        decimal? bid = sides.YesBids.Length > 0 ? sides.YesBids[0].Price : null;
        decimal? ask = sides.YesAsks.Length > 0 ? sides.YesAsks[0].Price : null;
        return row with
        {
            Closed = false,
            Active = true,
            AcceptingOrders = true,
            YesPrice = price,
            NoPrice = 1m - price,
            BestBid = bid,
            BestAsk = ask,
            Spread = bid is { } b && ask is { } a ? a - b : null,
            LastTradePrice = price,
        };
    }
}
