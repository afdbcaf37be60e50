namespace Prescient.Domain.Trading;

/// <summary>A ledger record's kind: a paper buy, a paper sell, or a settlement payout of a resolved market.</summary>
public enum TradeKind
{
    Buy,
    Sell,
    Settlement,
}
