using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Storage.Postgres.Tests;

/// <summary>Ledgers that replay: buys made through <see cref="Portfolio"/>, each settled at 1 or 0 three records later.</summary>
internal static class Ledgers
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Trade> Create(int count)
    {
        var portfolio = new Portfolio(Usdc.Create(10_000m));
        var held = new Queue<MarketId>();
        var trades = new List<Trade>();
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddMinutes(i);
            var trade = held.Count >= 3
                ? portfolio.CreateSettlement(held.Dequeue(), Price.Create(i % 2 == 0 ? 1m : 0m), at, "sample")
                : Buy(portfolio, i, at, held);
            portfolio.Apply(trade);
            trades.Add(trade);
        }

        return trades;
    }

    public static Signal Signal(int i, DateTimeOffset at)
    {
        var market = MarketId.Create((700_000 + i).ToString(CultureInfo.InvariantCulture));
        var price = Price.Create(0.05m + (i * 7 % 90 / 100m));
        return new Signal
        {
            SignalId = SignalId.Create($"{at:yyyyMMdd}-{market.Value}-buy_no"),
            CreatedAt = at,
            Strategy = "threshold",
            EventId = EventId.Create((40_000 + i).ToString(CultureInfo.InvariantCulture)),
            MarketId = market,
            ConditionId = ConditionId.Create("0x" + i.ToString("x64", CultureInfo.InvariantCulture)),
            TokenId = TokenId.Create("99" + i.ToString("D40", CultureInfo.InvariantCulture)),
            Outcome = "No",
            Question = $"Will \"market\" {i} resolve Yes?\nSecond line, émoji 🚀",
            Action = SignalAction.BuyNo,
            Stake = Usdc.Create(10m),
            Price = price,
            LimitPrice = price,
            YesPrice = Price.Create(1m - price.Value),
            YesPriceSource = "book",
            Confidence = 0.5m - price.Value,
            Reason = "test",
        };
    }

    private static Trade Buy(Portfolio portfolio, int i, DateTimeOffset at, Queue<MarketId> held)
    {
        var signal = Signal(i, at);
        var shares = Shares.Create(Math.Round(10m / signal.Price.Value, 2));
        var cost = Usdc.Create(shares.Value * signal.Price.Value);
        held.Enqueue(signal.MarketId);
        return portfolio.CreateBuy(signal, new Fill(shares, signal.Price, cost, Usdc.Create(0.0100m), signal.Price, Usdc.Zero, [], at.AddSeconds(-2)), at, "sample");
    }
}
