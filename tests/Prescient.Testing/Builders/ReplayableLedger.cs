using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Testing.Builders;

/// <summary>
/// Ledgers that replay without a fault, made through <see cref="Portfolio"/> itself so every cash, cost
/// basis and realized figure is the one paper trading would write: buys of $10 at prices from 0.05 to
/// 0.95 (questions with quotes, a line break and an emoji), each market settled at 1, 0 or 0.5 once
/// <c>held</c> markets are open.
/// </summary>
public static class ReplayableLedger
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static IEnumerable<Trade> Create(int count, int held = 200)
    {
        var portfolio = new Portfolio(Usdc.Create(10_000m));
        var open = new Queue<MarketId>();
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddMinutes(i);
            var trade = open.Count >= held
                ? portfolio.CreateSettlement(open.Dequeue(), Price.Create((i % 3) switch { 0 => 1m, 1 => 0m, _ => 0.5m }), at, "sample")
                : Buy(portfolio, i, at, open);
            portfolio.Apply(trade);
            yield return trade;
        }
    }

    private static Trade Buy(Portfolio portfolio, int i, DateTimeOffset at, Queue<MarketId> open)
    {
        var market = MarketId.Create((1_000_000 + i).ToString(CultureInfo.InvariantCulture));
        var price = Price.Create(0.05m + (i * 37 % 91 / 100m));
        var shares = Shares.Create(Math.Round(10m / price.Value, 2));
        var cost = Usdc.Create(shares.Value * price.Value);
        var signal = new Signal
        {
            SignalId = SignalId.Create($"{at:yyyyMMdd}-{market.Value}-buy_no"),
            CreatedAt = at,
            Strategy = "threshold",
            EventId = EventId.Create((30_000 + (i / 3)).ToString(CultureInfo.InvariantCulture)),
            MarketId = market,
            ConditionId = ConditionId.Create("0x" + i.ToString("x64", CultureInfo.InvariantCulture)),
            TokenId = TokenId.Create("76005700027045000587004110133818166617024719626220722682" + i.ToString("D21", CultureInfo.InvariantCulture)),
            Outcome = "No",
            Question = $"Will \"market\" {market.Value} resolve Yes by the end of 2026?\nSecond line, émoji 🚀",
            Action = SignalAction.BuyNo,
            Stake = Usdc.Create(10m),
            Price = price,
            LimitPrice = price,
            YesPrice = Price.Create(1m - price.Value),
            YesPriceSource = "book",
            Confidence = 0.5m - price.Value,
            Reason = "replayable ledger",
        };
        open.Enqueue(market);
        var fees = Usdc.Create(Math.Round(cost.Value * 0.01m, 6));
        return portfolio.CreateBuy(signal, new Fill(shares, price, cost, fees, price, Usdc.Zero, [], at.AddSeconds(-2)), at, "sample");
    }
}
