using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Trading.Audit;

namespace Prescient.Engine.Tests.Trading;

/// <summary>The fills audit's figures on hand-computed prints: window, side, coverage, VWAP gap, and their sums.</summary>
public sealed class FillsAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TokenId Token = TokenId.Create("111");
    private static readonly TokenId Other = TokenId.Create("222");

    [Fact]
    public void Audit_Buy_CountsPrintsInTheWindowOfItsTokenOnly()
    {
        MarketPrint[] tape =
        [
            new(Token, true, 50m, 0.40m, At.AddMinutes(-1)),   // before the fill
            new(Token, true, 30m, 0.40m, At),                   // at or better
            new(Token, false, 20m, 0.42m, At.AddMinutes(10)),   // worse for a buyer
            new(Other, true, 99m, 0.10m, At.AddMinutes(5)),     // the other token
            new(Token, true, 10m, 0.38m, At.AddMinutes(30)),    // at or better, last minute of the window
            new(Token, true, 70m, 0.30m, At.AddMinutes(31)),    // after the window
        ];

        var row = FillsAuditService.Audit(Fill(TradeKind.Buy, shares: 100m, price: 0.40m), tape, TimeSpan.FromMinutes(30));

        Assert.Equal(3, row.Prints);
        Assert.Equal(40m, row.VolumeAtOrBetter);
        Assert.Equal(0.4m, row.Coverage);

        // VWAP = (30 × 0.40 + 20 × 0.42 + 10 × 0.38) / 60 = 24.2 / 60 = 0.403333…
        Assert.Equal(0.403333m, row.Vwap);
        Assert.Equal(-0.003333m, row.GapPerShare);
        Assert.Equal(-0.3333m, row.GapUsdc);
    }

    [Fact]
    public void Audit_Sell_BetterIsAtOrAboveAndTheGapIsVwapMinusFill()
    {
        MarketPrint[] tape = [new(Token, false, 10m, 0.55m, At.AddMinutes(1)), new(Token, false, 30m, 0.45m, At.AddMinutes(2))];

        var row = FillsAuditService.Audit(Fill(TradeKind.Sell, shares: 5m, price: 0.50m), tape, TimeSpan.FromMinutes(30));

        Assert.Equal(10m, row.VolumeAtOrBetter);
        Assert.Equal(1m, row.Coverage);
        Assert.Equal(0.475m, row.Vwap);
        Assert.Equal(-0.025m, row.GapPerShare);
    }

    [Fact]
    public void Audit_NoPrintInTheWindow_NoFigures()
    {
        var row = FillsAuditService.Audit(Fill(TradeKind.Buy, 10m, 0.5m), [], TimeSpan.FromMinutes(30));

        Assert.Equal((0, 0m, 0m), (row.Prints, row.VolumeAtOrBetter, row.Coverage));
        Assert.Null(row.Vwap);
        Assert.Null(row.GapPerShare);
    }

    [Fact]
    public void Summarize_CoverageCapsEachFillAtItsShares_AndTheGapIsWeightedByShares()
    {
        FillAuditRow[] rows =
        [
            Row(shares: 100m, better: 250m, gap: 0.01m),
            Row(shares: 300m, better: 30m, gap: 0.03m),
            Row(shares: 50m, better: 0m, gap: null),
        ];

        var summary = FillsAuditService.Summarize(null, "all markets", rows);

        Assert.Equal((3, 2, 450m, 130m), (summary.Fills, summary.FillsWithPrints, summary.Shares, summary.CoveredShares));
        Assert.Equal(0.288889m, summary.Coverage);

        // (100 × 0.01 + 300 × 0.03) / 400 = 10 / 400.
        Assert.Equal(0.025m, summary.GapPerShare);
        Assert.Equal(10m, summary.GapUsdc);
    }

    private static FillAuditRow Row(decimal shares, decimal better, decimal? gap) =>
        new(TradeId.ForSequence(1), MarketId.Create("1"), "q", TradeKind.Buy, At, shares, 0.5m, gap is null ? 0 : 1, better, Math.Min(1m, better / shares), gap is null ? null : 0.5m - gap, gap);

    private static Trade Fill(TradeKind kind, decimal shares, decimal price) => new()
    {
        TradeId = TradeId.ForSequence(1),
        SignalId = SignalId.Create("20260302-1-buy_no"),
        ExecutedAt = At,
        Kind = kind,
        EventId = EventId.Create("1"),
        MarketId = MarketId.Create("1"),
        ConditionId = ConditionId.Create("0x" + new string('1', 64)),
        TokenId = Token,
        Outcome = "No",
        Question = "Will it?",
        Shares = Shares.Create(shares),
        Price = Price.Create(price),
        Cost = Usdc.Create(shares * price),
        Fees = Usdc.Zero,
        CashAfter = Usdc.Create(1_000m),
    };
}
