using Prescient.Bench;

return args.FirstOrDefault() switch
{
    null or "refresh" => await RefreshBenchmark.RunAsync(args),
    "append" => await AppendBenchmark.RunAsync(args),
    var other => Usage(other),
};

static int Usage(string command)
{
    Console.Error.WriteLine($"unknown benchmark '{command}': use refresh or append (see bench/README.md)");
    return 2;
}
