using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Bench;

/// <summary>
/// Ledger records shaped like the ones a long paper-trading run writes: buys of NO tokens with
/// six-decimal shares and prices, a sell every fifth record, a settlement every seventh, real-length
/// ids (77-digit token ids, 66-character condition ids) and question texts.
/// </summary>
internal static class BenchTrades
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Questions =
    [
        "Will Stephen A. Smith win the 2028 Democratic presidential nomination?",
        "Will the Fed cut interest rates by 50+ bps after the December 2026 meeting?",
        "Will Bitcoin reach $150,000 by December 31, 2026?",
        "Will Real Madrid win the 2026–27 UEFA Champions League?",
        "Will \"Oppenheimer 2\" be announced before 2027?",
    ];

    public static Trade Create(int sequence)
    {
        var kind = sequence % 7 == 0 ? TradeKind.Settlement : sequence % 5 == 0 ? TradeKind.Sell : TradeKind.Buy;
        var market = (500_000 + (sequence % 5_000)).ToString(CultureInfo.InvariantCulture);
        var price = kind == TradeKind.Settlement ? 1m : 0.4m + ((sequence % 97) / 1000m);
        var shares = Math.Round(98m / price, 6);
        var cost = shares * price;
        var fees = kind == TradeKind.Settlement ? 0m : Math.Round(cost * 0.02m, 6);
        return new Trade
        {
            TradeId = TradeId.ForSequence(sequence),
            SignalId = kind == TradeKind.Settlement ? null : SignalId.Create($"20260101-{market}-buy_no-{sequence}"),
            ExecutedAt = Start.AddMinutes(sequence),
            Kind = kind,
            EventId = EventId.Create((30_000 + (sequence % 1_000)).ToString(CultureInfo.InvariantCulture)),
            MarketId = MarketId.Create(market),
            ConditionId = ConditionId.Create("0x" + sequence.ToString("x64", CultureInfo.InvariantCulture)),
            TokenId = TokenId.Create("76005700027045000587004110133818166617024719626220722682" + sequence.ToString("D21", CultureInfo.InvariantCulture)),
            Outcome = "No",
            Question = Questions[sequence % Questions.Length],
            Shares = Shares.Create(shares),
            Price = Price.Create(price),
            Cost = Usdc.Create(cost),
            Fees = Usdc.Create(fees),
            CashAfter = Usdc.Create(10_000m + sequence),
            BestPrice = Price.From(kind == TradeKind.Settlement ? null : price - 0.001m),
            Slippage = Usdc.From(kind == TradeKind.Settlement ? null : 0.001m),
            BookTimestamp = kind == TradeKind.Settlement ? null : Start.AddMinutes(sequence).AddSeconds(-3),
            RealizedPnl = Usdc.From(kind == TradeKind.Buy ? null : -12.5m + (sequence % 25)),
            Source = "sample",
        };
    }
}
