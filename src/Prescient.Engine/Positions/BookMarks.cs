using System.Text.Json;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Positions;

/// <summary>
/// Marks for held tokens from the books fetched in a run. Each book is first checked by
/// <see cref="BookGuard"/> (crossed, its twin not mirroring it, far from Gamma's quotes of the
/// refresh): a refused book gives no mark of its own. The position is then marked at Gamma's
/// displayed outcome price of the last refresh (<see cref="MarkSource.GammaPrice"/>), or falls to
/// the valuation's entry fallback, and the mark carries the refusal code as its flag.
/// </summary>
public static class BookMarks
{
    /// <param name="tokens">The held tokens with their market, in any order.</param>
    /// <param name="books">Books fetched this run, by token (the twins of held tokens among them when fetched).</param>
    /// <param name="markets">The last extracted markets, by id (Gamma's quotes and outcome prices of that refresh).</param>
    public static Dictionary<TokenId, Mark> From(
        IEnumerable<(MarketId Market, TokenId Token)> tokens,
        IReadOnlyDictionary<TokenId, OrderBook> books,
        IReadOnlyDictionary<MarketId, Market> markets,
        TradingOptions limits)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(limits);
        var marks = new Dictionary<TokenId, Mark>();
        foreach (var (market, token) in tokens)
        {
            if (!books.TryGetValue(token, out var book))
            {
                continue;
            }

            var held = markets.GetValueOrDefault(market);
            var twin = BookGuard.ComplementOf(held, token) is { } other ? books.GetValueOrDefault(other) : null;
            if (BookGuard.Check(book, twin, held, limits) is { } refusal)
            {
                var flag = JsonNamingPolicy.SnakeCaseLower.ConvertName(refusal.Reason.ToString());
                marks[token] = GammaPrice(held, token) is { } price
                    ? new Mark(price, MarkSource.GammaPrice, book.Timestamp) { Flag = flag }
                    : new Mark(0m, MarkSource.Entry, null) { Flag = flag };
                continue;
            }

            if (PortfolioValuation.MarkFrom(book) is { } mark)
            {
                marks[token] = mark;
            }
        }

        return marks;
    }

    /// <summary>The other token of each held token's market, to fetch with it so that its book can be cross-checked.</summary>
    public static IEnumerable<TokenId> Twins(IEnumerable<(MarketId Market, TokenId Token)> tokens, IReadOnlyDictionary<MarketId, Market> markets) =>
        tokens.Select(t => BookGuard.ComplementOf(markets.GetValueOrDefault(t.Market), t.Token)).OfType<TokenId>();

    private static decimal? GammaPrice(Market? market, TokenId token) =>
        market is null ? null
        : market.Yes?.TokenId == token ? market.Yes.Price
        : market.No?.TokenId == token ? market.No.Price
        : null;
}
