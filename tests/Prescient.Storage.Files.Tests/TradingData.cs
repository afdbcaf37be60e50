using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Files.Tests;

/// <summary>Ledger records, signals and portfolios for the trading store and export tests, with real ids from the fixtures.</summary>
internal static class TradingData
{
    public static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, 250, TimeSpan.Zero);

    public static readonly MarketId Market = MarketId.Create("559657");

    /// <summary>
    /// The <paramref name="sequence"/>-th ledger record: buys, then a sell every fifth, a settlement every
    /// seventh. Decimals carry trailing zeros (0.50 must stay 0.50) and the question has a line break,
    /// quotes and text from outside the Basic Multilingual Plane.
    /// </summary>
    public static Trade Trade(int sequence, TradeKind? kind = null, string? question = null)
    {
        var actual = kind ?? (sequence % 7 == 0 ? TradeKind.Settlement : sequence % 5 == 0 ? TradeKind.Sell : TradeKind.Buy);
        var settlement = actual == TradeKind.Settlement;
        return new Trade
        {
            TradeId = TradeId.ForSequence(sequence),
            SignalId = settlement ? null : SignalId.For(new DateOnly(2026, 11, 25), MarketId.Create((559657 + sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)), "buy_no"),
            ExecutedAt = At.AddSeconds(sequence),
            Kind = actual,
            EventId = EventId.Create("30829"),
            MarketId = MarketId.Create((559657 + sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ConditionId = ConditionId.Create(TestData.Condition),
            TokenId = TokenId.Create(TestData.NoToken),
            Outcome = "No",
            Question = question ?? $"Will \"Stephen A. Smith\" win #{sequence}?\nSecond line, émoji 🚀",
            Shares = Shares.Create(settlement ? 192.30m : 196.078431m),
            Price = Price.Create(settlement ? 1.0m : 0.50m),
            Cost = Usdc.Create(settlement ? 192.30m : 98.0392155m),
            Fees = Usdc.Create(settlement ? 0m : 1.9607845m),
            CashAfter = Usdc.Create(10_000.00m - (sequence * 100.00m)),
            BestPrice = Price.From(settlement ? null : 0.500m),
            Slippage = Usdc.From(settlement ? null : 0.000m),
            SignalPrice = Price.From(actual == TradeKind.Buy ? 0.480m : null),
            Drift = Usdc.From(actual == TradeKind.Buy ? 0.020m : null),
            BookTimestamp = settlement ? null : At.AddSeconds(sequence - 1),
            RealizedPnl = Usdc.From(actual == TradeKind.Buy ? null : -12.5m),
            Source = "sample",
        };
    }

    public static IReadOnlyList<Trade> Trades(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(n => Trade(n)).ToArray();

    public static Signal Signal(string question = "Will Stephen A. Smith win the 2028 Democratic presidential nomination?", int index = 0) => new()
    {
        SignalId = SignalId.For(new DateOnly(2026, 11, 25), MarketId.Create((559657 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)), "buy_no"),
        CreatedAt = At,
        Strategy = "threshold",
        EventId = EventId.Create("30829"),
        EventTitle = "Democratic Presidential Nominee 2028",
        MarketId = MarketId.Create((559657 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ConditionId = ConditionId.Create(TestData.Condition),
        TokenId = TokenId.Create(TestData.NoToken),
        Outcome = "No",
        Question = question,
        Action = SignalAction.BuyNo,
        Stake = Usdc.Create(100.00m),
        Price = Price.Create(0.50m),
        LimitPrice = Price.Create(0.550m),
        YesPrice = Price.Create(0.515m),
        YesPriceSource = "mid",
        Confidence = 0.015m,
        Reason = "YES mid 0.515 is above the threshold 0.50",
    };

    public static SignalsSnapshot Signals(params Signal[] signals) => new(
        At,
        MarketSourceInfo.Sample,
        "threshold",
        new Dictionary<string, string> { ["threshold"] = "0.50", ["side"] = "buy_no", ["stake"] = "100" },
        signals,
        [new SkippedMarket(EventId.Create("30830"), MarketId.Create("600001"), "Will it rain?", SkipReason.SpreadTooWide, "spread 0.08 > 0.05")]);

    public static PositionSnapshot Position(string question = "Will Stephen A. Smith win the 2028 Democratic presidential nomination?", MarkSource markSource = MarkSource.BestBid) => new()
    {
        EventId = EventId.Create("30829"),
        MarketId = Market,
        ConditionId = ConditionId.Create(TestData.Condition),
        TokenId = TokenId.Create(TestData.NoToken),
        Outcome = "No",
        Question = question,
        Shares = 196.078431m,
        AverageEntryPrice = 0.500000m,
        CostBasis = 100.00m,
        Fees = 1.9607845m,
        OpenedAt = At,
        Mark = 0.45m,
        MarkSource = markSource,
        MarkedAt = markSource == MarkSource.Entry ? null : At.AddMinutes(5),
        MarketValue = 88.24m,
        UnrealizedPnl = -12.5m,
    };

    public static PortfolioSnapshot Portfolio(params PositionSnapshot[] positions) => new()
    {
        GeneratedAt = At,
        Source = MarketSourceInfo.Live,
        InitialCash = 10_000.00m,
        Cash = 9_900.00m,
        PositionsValue = 88.24m,
        Equity = 9_988.24m,
        RealizedPnl = 0.00m,
        UnrealizedPnl = -12.5m,
        Exposure = 100.00m,
        FeesPaid = 1.9607845m,
        TradeCount = 1,
        LastTradeId = TradeId.ForSequence(1),
        Positions = positions,
    };
}
