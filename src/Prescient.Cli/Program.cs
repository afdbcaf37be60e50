using Prescient.Cli;

return await PrescientCli.RunAsync(args, Spectre.Console.AnsiConsole.Console, Console.Error, CancellationToken.None);
