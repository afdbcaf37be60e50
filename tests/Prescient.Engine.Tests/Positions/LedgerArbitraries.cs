using FsCheck;
using FsCheck.Fluent;
using Prescient.Domain.Markets;
using Prescient.Engine.Tests.Trading;

namespace Prescient.Engine.Tests.Positions;

public enum LedgerOpKind
{
    Buy,
    Sell,
    Settle,
}

/// <summary>
/// One step of a generated trading session on market <see cref="Market"/> (0–3; markets 0 and 1 share
/// an event): a buy of its NO token (signal of day <see cref="Day"/>, so signals repeat) into
/// <see cref="Levels"/> as asks, a sell of <see cref="Percent"/> % of the position into them as bids,
/// or a settlement at <see cref="Payout"/>; <see cref="Minutes"/> pass before it.
/// </summary>
public sealed record LedgerOp(LedgerOpKind Kind, int Market, int Day, decimal Stake, (decimal Price, decimal Size)[] Levels, decimal Payout, int Percent, int Minutes)
{
    public override string ToString() =>
        $"{Kind} m{Market} d{Day} stake {Stake} payout {Payout} {Percent}% +{Minutes}min [{string.Join(" ", Levels.Select(l => l.Price + "x" + l.Size))}]";
}

public sealed record LedgerCase(decimal InitialCash, FeeSettings Fees, LedgerOp[] Ops)
{
    public override string ToString() => $"cash {InitialCash}, fees {Fees.Rate}/{Fees.Exponent}/{Fees.BaseFeeBps}: {string.Join("; ", Ops.Select(o => o.ToString()))}";
}

/// <summary>A zero-fee round trip: buy with <see cref="Stake"/> then sell everything, both against one price level on both sides.</summary>
public sealed record RoundTripCase(decimal Price, decimal Stake);

public static class LedgerArbitraries
{
    public static Arbitrary<LedgerCase> LedgerCases() => Arb.From(
        from cash in Gen.Elements(300m, 1_000m, 10_000m)
        from fees in TradingArbitraries.FeeSchedules
        from count in Gen.Choose(1, 30)
        from ops in Gen.ArrayOf(Ops, count)
        select new LedgerCase(cash, fees, ops));

    public static Arbitrary<RoundTripCase> RoundTripCases() => Arb.From(
        from cents in Gen.Choose(1, 99)
        from stake in Gen.Choose(5, 1_000)
        select new RoundTripCase(cents / 100m, stake));

    private static Gen<LedgerOp> Ops =>
        from kind in Gen.Frequency((5, Gen.Constant(LedgerOpKind.Buy)), (3, Gen.Constant(LedgerOpKind.Sell)), (2, Gen.Constant(LedgerOpKind.Settle)))
        from market in Gen.Choose(0, 3)
        from day in Gen.Choose(0, 2)
        from stake in Gen.Choose(1, 30_000)
        from levels in TradingArbitraries.Levels(0.01m)
        from payout in Gen.Elements(0m, 0.5m, 1m)
        from percent in Gen.Elements(10, 33, 50, 100)
        from minutes in Gen.Choose(0, 10)
        select new LedgerOp(kind, market, day, stake / 100m, levels, payout, percent, minutes);
}
