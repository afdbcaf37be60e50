using Prescient.Bench;

return await RefreshBenchmark.RunAsync(args);
