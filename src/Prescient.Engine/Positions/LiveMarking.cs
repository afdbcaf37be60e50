using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Positions;

/// <summary>
/// The stored portfolio re-marked at live books, by the very rules of a run (<see cref="BookMarks"/>:
/// each book checked against its twin and Gamma's quotes first, refused books marked at Gamma's
/// price with their flag). Positions without a live book keep their stored mark. Nothing is written:
/// the files stay those of the last run, and the next run marks them again.
/// </summary>
public static class LiveMarking
{
    public static PortfolioSnapshot Remark(
        PortfolioSnapshot stored,
        IReadOnlyList<Trade> ledger,
        IReadOnlyDictionary<TokenId, OrderBook> books,
        IReadOnlyDictionary<MarketId, Market> markets,
        TradingOptions limits,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(limits);

        // A portfolio behind its ledger is rebuilt at the next start or run; it is not re-marked meanwhile.
        var held = stored.Positions.Where(p => books.ContainsKey(p.TokenId)).Select(p => (p.MarketId, p.TokenId)).ToArray();
        if (held.Length == 0 || stored.TradeCount != ledger.Count)
        {
            return stored;
        }

        var marks = stored.Positions.ToDictionary(
            p => p.TokenId,
            p => new Mark(p.Mark, p.MarkSource, p.MarkedAt) { Flag = p.MarkFlag });
        foreach (var (token, mark) in BookMarks.From(held, books, markets, limits))
        {
            marks[token] = mark;
        }

        var portfolio = Portfolio.Replay(Usdc.Create(stored.InitialCash), ledger);
        var problems = stored.Positions.Where(p => p.LookupProblem is not null).ToDictionary(p => p.MarketId, p => p.LookupProblem!);
        return PortfolioValuation.Value(portfolio, marks, now, stored.Source, problems);
    }
}
