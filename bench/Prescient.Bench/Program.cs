using Prescient.Bench;

return args.FirstOrDefault() switch
{
    "record-tape" => await TapeRecorder.RunAsync(args[1..]),
    _ => await RefreshBenchmark.RunAsync(args),
};
