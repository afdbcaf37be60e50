using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Exits;

namespace Prescient.Engine.Tests.Exits;

/// <summary>The exit rules fire exactly at their documented boundaries, inclusive, and never otherwise.</summary>
public sealed class ExitRulesProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Property(Arbitrary = [typeof(ExitArbitraries)])]
    public void Evaluate_TakeProfit_FiresIffTheBidIsAtOrAboveEntryTimesOnePlusX(ExitCase c)
    {
        var trigger = ExitRules.Evaluate(new ExitOptions { TakeProfit = c.Fraction }, c.Position, c.Bid, null, Now);

        var target = c.Position.AverageEntryPrice * (1m + c.Fraction);
        Assert.Equal(c.Bid >= target, trigger?.Reason == ExitReason.TakeProfit);
        Assert.True(trigger is null || trigger.Reason == ExitReason.TakeProfit);
    }

    [Property(Arbitrary = [typeof(ExitArbitraries)])]
    public void Evaluate_StopLoss_FiresIffTheBidIsAtOrBelowEntryTimesOneMinusY(ExitCase c)
    {
        var fraction = Math.Min(c.Fraction, 0.99m);
        var trigger = ExitRules.Evaluate(new ExitOptions { StopLoss = fraction }, c.Position, c.Bid, null, Now);

        var stop = c.Position.AverageEntryPrice * (1m - fraction);
        Assert.Equal(c.Bid <= stop, trigger?.Reason == ExitReason.StopLoss);
        Assert.True(trigger is null || trigger.Reason == ExitReason.StopLoss);
    }

    [Property(Arbitrary = [typeof(ExitArbitraries)])]
    public void Evaluate_TheBoundaryItself_AlwaysFires(ExitCase c)
    {
        var entry = c.Position.AverageEntryPrice;
        var target = ExitRules.TargetPrice(entry, c.Fraction);
        var stop = ExitRules.StopPrice(entry, Math.Min(c.Fraction, 0.99m));

        Assert.Equal(ExitReason.TakeProfit, ExitRules.Evaluate(new ExitOptions { TakeProfit = c.Fraction }, c.Position, target, null, Now)?.Reason);
        Assert.Equal(ExitReason.StopLoss, ExitRules.Evaluate(new ExitOptions { StopLoss = Math.Min(c.Fraction, 0.99m) }, c.Position, stop, null, Now)?.Reason);
    }

    [Property(Arbitrary = [typeof(ExitArbitraries)])]
    public void Evaluate_BeforeEnd_FiresIffTheEndIsWithinTheHours_WithOrWithoutABid(ExitCase c, int hours, int secondsFromBoundary)
    {
        var n = Math.Abs(hours % 200) + 1;
        var end = Now.AddHours(n).AddSeconds(secondsFromBoundary % 7_200);
        var options = new ExitOptions { HoursBeforeEnd = n };

        var withBid = ExitRules.Evaluate(options, c.Position, c.Bid, end, Now);
        var withoutBid = ExitRules.Evaluate(options, c.Position, null, end, Now);

        var due = end - Now <= TimeSpan.FromHours(n);
        Assert.Equal(due, withBid?.Reason == ExitReason.BeforeEnd);
        Assert.Equal(due, withoutBid?.Reason == ExitReason.BeforeEnd);
        Assert.True(withBid is null || withBid.Reason == ExitReason.BeforeEnd);
    }

    [Property(Arbitrary = [typeof(ExitArbitraries)])]
    public void Evaluate_EveryRuleOff_NeverFires(ExitCase c) =>
        Assert.Null(ExitRules.Evaluate(new ExitOptions(), c.Position, c.Bid, Now, Now));
}

/// <summary>A held position (entry on a 0.001 grid in (0, 1)), a best bid on the same grid, and a rule fraction in (0, 1).</summary>
public sealed record ExitCase(Position Position, decimal Bid, decimal Fraction)
{
    public override string ToString() => $"entry {Position.AverageEntryPrice} ({Position.Shares.Value} shares), bid {Bid}, fraction {Fraction}";
}

public static class ExitArbitraries
{
    public static Arbitrary<ExitCase> ExitCases() => Arb.From(
        from entry in Gen.Choose(1, 999)
        from shares in Gen.Choose(5, 5_000)
        from bid in Gen.Choose(1, 999)
        from fraction in Gen.Choose(1, 99)
        select new ExitCase(Held(entry / 1000m, shares), bid / 1000m, fraction / 100m));

    private static Position Held(decimal entry, int shares) => new()
    {
        EventId = EventId.Create("1"),
        MarketId = MarketId.Create("516926"),
        ConditionId = ConditionId.Create("0x" + new string('0', 64)),
        TokenId = TokenId.Create("2" + new string('0', 76)),
        Shares = Shares.Create(shares),
        Cost = Usdc.Create(entry * shares),
        Fees = Usdc.Zero,
        OpenedAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
    };
}
