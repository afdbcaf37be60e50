using Prescient.Domain.Trading;
using Prescient.Storage.Files;
using Prescient.Storage.Files.IO;
using Prescient.Testing.Builders;

namespace Prescient.Bench;

/// <summary>
/// <c>ledger --records N --data DIR</c>: a data folder whose <c>trades/paper_trades.json</c> holds N
/// records that replay without a fault (<see cref="ReplayableLedger"/>: buys of $10, each market settled
/// at 1, 0 or 0.5 once 200 are held). No <c>portfolio.json</c>: the first command rebuilds it, as after
/// a crash. The read benchmarks in bench/README.md time
/// <c>status</c>, <c>positions</c> and <c>trades</c> on it.
/// </summary>
internal static class LedgerFolder
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = BenchSetup.Arg(args, "--records", 100_000);
        var at = Array.IndexOf(args, "--data");
        var data = at >= 0 && at + 1 < args.Length ? args[at + 1] : BenchSetup.TempData("prescient-ledger-");
        var folder = new DataFolder(data);
        Directory.CreateDirectory(folder.TradesDirectory);
        await AppendOnlyJsonArray<Trade>.CreateAsync(folder.PaperTrades, ReplayableLedger.Create(records), CancellationToken.None);
        Console.WriteLine($"{records:N0} ledger records in {folder.PaperTrades} ({new FileInfo(folder.PaperTrades).Length / 1e6:F1} MB)");
        return 0;
    }
}
