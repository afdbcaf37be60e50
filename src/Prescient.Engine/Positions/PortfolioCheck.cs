using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Positions;

/// <summary>
/// Compares a stored <c>portfolio.json</c> with the portfolio rebuilt from the ledger, field by field
/// over everything the ledger defines (marks and what derives from them are not compared). One
/// readable line per difference, named as in the file; none when they agree.
/// </summary>
public static class PortfolioCheck
{
    public static IReadOnlyList<string> Compare(PortfolioSnapshot stored, Portfolio rebuilt)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(rebuilt);
        var differences = new List<string>();
        Field(differences, "initial_cash", stored.InitialCash, rebuilt.InitialCash.Value);
        Field(differences, "cash", stored.Cash, rebuilt.Cash.Value);
        Field(differences, "realized_pnl", stored.RealizedPnl, rebuilt.RealizedPnl.Value);
        Field(differences, "fees_paid", stored.FeesPaid, rebuilt.FeesPaid.Value);
        Field(differences, "trade_count", stored.TradeCount, rebuilt.TradeCount);
        Field(differences, "last_trade_id", stored.LastTradeId, rebuilt.LastTradeId);
        Field(differences, "exposure", stored.Exposure, rebuilt.Exposure.Value);

        var storedByMarket = new Dictionary<MarketId, PositionSnapshot>();
        foreach (var group in stored.Positions.GroupBy(p => p.MarketId))
        {
            var count = group.Count();
            if (count > 1)
            {
                differences.Add($"market {group.Key}: portfolio.json lists {count} positions, the ledger allows one");
            }

            storedByMarket[group.Key] = group.First();
        }

        var rebuiltByMarket = rebuilt.Positions.ToDictionary(p => p.MarketId);
        foreach (var (market, position) in rebuiltByMarket.Where(p => !storedByMarket.ContainsKey(p.Key)))
        {
            differences.Add($"market {market}: the ledger holds {Text(position.Shares)} shares of token {position.TokenId}, missing from portfolio.json");
        }

        foreach (var (market, snapshot) in storedByMarket)
        {
            if (!rebuiltByMarket.TryGetValue(market, out var position))
            {
                differences.Add($"market {market}: portfolio.json holds {Text(snapshot.Shares)} shares of token {snapshot.TokenId}, which the ledger does not");
                continue;
            }

            var prefix = $"market {market} ";
            Field(differences, prefix + "token_id", snapshot.TokenId, position.TokenId);
            Field(differences, prefix + "event_id", snapshot.EventId, position.EventId);
            Field(differences, prefix + "condition_id", snapshot.ConditionId, position.ConditionId);
            Field(differences, prefix + "shares", snapshot.Shares, position.Shares.Value);
            Field(differences, prefix + "cost_basis", snapshot.CostBasis, position.CostBasis.Value);
            Field(differences, prefix + "fees", snapshot.Fees, position.Fees.Value);
            Field(differences, prefix + "average_entry_price", snapshot.AverageEntryPrice, position.AverageEntryPrice);
            Field(differences, prefix + "opened_at", snapshot.OpenedAt, position.OpenedAt);
        }

        return differences;
    }

    private static void Field<T>(List<string> differences, string name, T stored, T rebuilt)
    {
        if (!EqualityComparer<T>.Default.Equals(stored, rebuilt))
        {
            differences.Add($"{name}: portfolio.json has {Text(stored)}, the ledger gives {Text(rebuilt)}");
        }
    }

    private static string Text<T>(T value) => value switch
    {
        null => "none",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };
}
