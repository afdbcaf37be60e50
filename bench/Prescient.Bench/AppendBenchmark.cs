using System.Diagnostics;
using System.Globalization;
using Prescient.Domain.Trading;
using Prescient.Engine.Storage;
using Prescient.Storage.Files;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Trading;

namespace Prescient.Bench;

/// <summary>
/// <c>append [--records 100000] [--samples 200]</c>: the cost of one ledger append (one positioned
/// write and an fsync, as in production) around record #100 and around record #<c>records</c>.
/// The big ledger is built directly in the file layout (appending 100,000 records one fsync at a
/// time would only measure the disk); both ledgers are then opened through <see cref="FileTradingStore"/>
/// and appended to in alternation, so both see the same disk and machine load.
/// </summary>
internal static class AppendBenchmark
{
    private const int SmallPoint = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var records = BenchSetup.Arg(args, "--records", 100_000);
        var samples = BenchSetup.Arg(args, "--samples", 200);
        if (records <= samples || samples < 2 * SmallPoint)
        {
            Console.Error.WriteLine($"append: --records must exceed --samples, and --samples be at least {2 * SmallPoint}");
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "prescient-bench-append-" + Guid.NewGuid().ToString("N"));
        try
        {
            await MeasureAsync(root, records, samples, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(string root, int records, int samples, CancellationToken ct)
    {
        // Each timed window is centred on its point: records #1..#200 around #100, #99,901..#100,100 around #100,000.
        var smallFirst = SmallPoint - (samples / 2) + 1;
        var bigFirst = records - (samples / 2) + 1;
        var small = new DataFolder(Path.Combine(root, "small"));
        var big = new DataFolder(Path.Combine(root, "big"));
        await WarmUpAsync(new DataFolder(Path.Combine(root, "warm-up")), ct);

        var clock = Stopwatch.StartNew();
        await AppendOnlyJsonArray<Trade>.CreateAsync(big.PaperTrades, Enumerable.Range(1, bigFirst - 1).Select(BenchTrades.Create), ct);
        var built = clock.Elapsed;
        await AppendOnlyJsonArray<Trade>.CreateAsync(small.PaperTrades, Enumerable.Range(1, Math.Max(smallFirst - 1, 0)).Select(BenchTrades.Create), ct);
        var smallLedger = new FileTradingStore(small).Ledger;
        var bigLedger = new FileTradingStore(big).Ledger;

        // The first access opens (scans) the file: once per process, not per append.
        clock.Restart();
        var bigCount = (await bigLedger.ReadAllAsync(ct)).Count;
        var opened = clock.Elapsed;
        var smallCount = (await smallLedger.ReadAllAsync(ct)).Count;
        Console.WriteLine(FormattableString.Invariant(
            $"big ledger: {bigCount:N0} records, {new FileInfo(big.PaperTrades).Length / 1e6:0.0} MB, built in {built.TotalSeconds:0.00} s, first access (scan + read all) {opened.TotalSeconds:0.00} s; small ledger: {smallCount} records"));

        var smallTimes = new List<double>(samples);
        var bigTimes = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            smallTimes.Add(await TimeAppendAsync(smallLedger, smallFirst + i, ct));
            bigTimes.Add(await TimeAppendAsync(bigLedger, bigFirst + i, ct));
        }

        var smallFinal = await new FileTradingStore(small).Ledger.ReadAllAsync(ct);
        var bigFinal = await new FileTradingStore(big).Ledger.ReadAllAsync(ct);
        Console.WriteLine(FormattableString.Invariant(
            $"after: small {smallFinal.Count:N0} records (last {smallFinal[^1].TradeId}), big {bigFinal.Count:N0} records (last {bigFinal[^1].TradeId}); both reopened valid"));
        Report($"append #{SmallPoint:N0} (records #{smallFirst:N0}..#{smallFirst + samples - 1:N0})", smallTimes);
        Report($"append #{records:N0} (records #{bigFirst:N0}..#{bigFirst + samples - 1:N0})", bigTimes);
        Console.WriteLine(FormattableString.Invariant(
            $"ratio #{records:N0} / #{SmallPoint:N0}: median {Percentile(bigTimes, 0.5) / Percentile(smallTimes, 0.5):0.00}, p90 {Percentile(bigTimes, 0.9) / Percentile(smallTimes, 0.9):0.00}"));
    }

    private static async Task<double> TimeAppendAsync(ITradeLedger ledger, int sequence, CancellationToken ct)
    {
        var trade = BenchTrades.Create(sequence);
        var clock = Stopwatch.StartNew();
        await ledger.AppendAsync(trade, ct);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>JIT and first-use costs, paid on a ledger that is not measured.</summary>
    private static async Task WarmUpAsync(DataFolder folder, CancellationToken ct)
    {
        var ledger = new FileTradingStore(folder).Ledger;
        for (var i = 1; i <= 50; i++)
        {
            await ledger.AppendAsync(BenchTrades.Create(i), ct);
        }

        await ledger.ReadAllAsync(ct);
    }

    private static void Report(string label, List<double> milliseconds) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{label}: median {Percentile(milliseconds, 0.5):0.000} ms, p10 {Percentile(milliseconds, 0.1):0.000} ms, p90 {Percentile(milliseconds, 0.9):0.000} ms, mean {milliseconds.Average():0.000} ms"));

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(fraction * (sorted.Length - 1))];
    }
}
