using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Storage.Files;
using Prescient.Storage.Files.IO;

namespace Prescient.Bench;

/// <summary>
/// <c>ledger --records N --data DIR</c>: a data folder whose <c>trades/paper_trades.json</c> holds N
/// records that replay without a fault — buys of $10 at prices from 0.05 to 0.95, each market settled
/// (at 1, 0 or 0.5) once 200 are held — made through <see cref="Portfolio"/> itself, so every cash,
/// cost basis and realized figure is the one paper trading would write. No <c>portfolio.json</c>: the
/// first command rebuilds it, as after a crash. The read benchmarks in bench/README.md time
/// <c>status</c>, <c>positions</c> and <c>trades</c> on it.
/// </summary>
internal static class LedgerFolder
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var records = BenchSetup.Arg(args, "--records", 100_000);
        var at = Array.IndexOf(args, "--data");
        var data = at >= 0 && at + 1 < args.Length ? args[at + 1] : BenchSetup.TempData("prescient-ledger-");
        var folder = new DataFolder(data);
        Directory.CreateDirectory(folder.TradesDirectory);
        await AppendOnlyJsonArray<Trade>.CreateAsync(folder.PaperTrades, Create(records), CancellationToken.None);
        Console.WriteLine($"{records:N0} ledger records in {folder.PaperTrades} ({new FileInfo(folder.PaperTrades).Length / 1e6:F1} MB)");
        return 0;
    }

    /// <summary>The records, in ledger order, each applied to the portfolio that creates the next.</summary>
    public static IEnumerable<Trade> Create(int count)
    {
        var portfolio = new Portfolio(Usdc.Create(10_000m));
        var held = new Queue<MarketId>();
        for (var i = 0; i < count; i++)
        {
            var when = Start.AddMinutes(i);
            var trade = held.Count >= 200
                ? portfolio.CreateSettlement(held.Dequeue(), Price.Create((i % 3) switch { 0 => 1m, 1 => 0m, _ => 0.5m }), when, "sample")
                : Buy(portfolio, i, when, held);
            portfolio.Apply(trade);
            yield return trade;
        }
    }

    private static Trade Buy(Portfolio portfolio, int i, DateTimeOffset when, Queue<MarketId> held)
    {
        var market = MarketId.Create((1_000_000 + i).ToString(CultureInfo.InvariantCulture));
        var price = Price.Create(0.05m + ((i * 37 % 91) / 100m));
        var shares = Shares.Create(Math.Round(10m / price.Value, 2));
        var cost = Usdc.Create(shares.Value * price.Value);
        var fees = Usdc.Create(Math.Round(cost.Value * 0.01m, 6));
        var signal = new Signal
        {
            SignalId = SignalId.Create($"{when:yyyyMMdd}-{market.Value}-buy_no"),
            CreatedAt = when,
            Strategy = "threshold",
            EventId = EventId.Create((30_000 + (i / 3)).ToString(CultureInfo.InvariantCulture)),
            MarketId = market,
            ConditionId = ConditionId.Create("0x" + i.ToString("x64", CultureInfo.InvariantCulture)),
            TokenId = TokenId.Create("76005700027045000587004110133818166617024719626220722682" + i.ToString("D21", CultureInfo.InvariantCulture)),
            Outcome = "No",
            Question = $"Will market {market.Value} resolve Yes by the end of 2026?",
            Action = SignalAction.BuyNo,
            Stake = Usdc.Create(10m),
            Price = price,
            LimitPrice = price,
            YesPrice = Price.Create(1m - price.Value),
            YesPriceSource = "book",
            Confidence = 0.5m - price.Value,
            Reason = "bench",
        };
        held.Enqueue(market);
        return portfolio.CreateBuy(signal, new Fill(shares, price, cost, fees, price, Usdc.Zero, [], when.AddSeconds(-2)), when, "sample");
    }
}
