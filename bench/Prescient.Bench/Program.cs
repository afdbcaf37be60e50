using Prescient.Bench;

return args.FirstOrDefault() switch
{
    null or "refresh" => await RefreshBenchmark.RunAsync(args),
    "append" => await AppendBenchmark.RunAsync(args),
    "record-tape" => await TapeRecorder.RunAsync(args[1..]),
    "execute-checks" => await ExecuteChecksBenchmark.RunAsync(args),
    "feed" => await FeedBenchmark.RunAsync(args),
    "feed-latency" => await FeedLatencyBenchmark.RunAsync(args),
    "feed-memory" => await FeedMemoryBenchmark.RunAsync(args),
    "ledger" => await LedgerFolder.RunAsync(args),
    "fetch-process" => await FetchProcess.RunAsync(args),
    "backtest" => await BacktestBenchmark.RunAsync(args),
    "sweep" => await SweepBenchmark.RunAsync(args),
    var other => Usage(other),
};

static int Usage(string command)
{
    Console.Error.WriteLine($"unknown command '{command}': use refresh, append, execute-checks, feed, feed-latency, feed-memory, ledger, fetch-process, backtest, sweep or record-tape (see bench/README.md)");
    return 2;
}
