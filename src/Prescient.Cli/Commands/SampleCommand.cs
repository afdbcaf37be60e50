using System.CommandLine;
using Spectre.Console;
using Prescient.Sample.Server;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient sample serve</c>: the simulated market as a local server speaking Gamma and CLOB formats, with optional faults.</summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default 5055; 0 picks a free one).", DefaultValueFactory = _ => 5055 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated universe (default 42).", DefaultValueFactory = _ => 42 };
        var events = new Option<int>("--events") { Description = "About how many events are open at once (default 300).", DefaultValueFactory = _ => 300 };
        var latency = new Option<int>("--latency-ms") { Description = "Milliseconds added to every Gamma/CLOB reply (default 0)." };
        var rateLimited = new Option<double>("--rate-limit-rate") { Description = "Fraction of replies that are 429 with Retry-After, 0–1 (default 0)." };
        var retryAfter = new Option<int>("--retry-after-seconds") { Description = "Retry-After value on 429 replies (default 1).", DefaultValueFactory = _ => 1 };
        var serverErrors = new Option<double>("--server-error-rate") { Description = "Fraction of replies that are 5xx, 0–1 (default 0)." };
        var truncated = new Option<double>("--truncated-json-rate") { Description = "Fraction of 200 replies whose JSON body is cut short, 0–1 (default 0)." };
        var wsDrop = new Option<int>("--ws-drop-after") { Description = "Drop each /ws/market connection after N frames (default 0: never)." };
        var wsMalformed = new Option<double>("--ws-malformed-rate") { Description = "Probability that a /ws/market JSON frame is sent cut in half, 0–1, repeatable with the seed (default 0)." };
        var wsSilent = new Option<int>("--ws-silent-after") { Description = "After N frames a /ws/market connection sends nothing more, not even PONG, and stays open (default 0: never)." };
        var wsInterval = new Option<int>("--ws-interval-ms") { Description = "How often /ws/market sends what changed, in milliseconds (default 500).", DefaultValueFactory = _ => 500 };
        var noEvents = new Option<bool>("--markets-without-events") { Description = "Gamma /markets/{id} replies lack the nested parent events, as some real ones do." };
        var thin = new Option<bool>("--thin-best-levels") { Description = "The best ask and best bid of every book hold only 1-5 shares, so a stake walks deep." };
        var ghosts = new Option<bool>("--ghost-books") { Description = "One market in ten has a token answering a stale 0.01/0.99 book, in about half of the hours, while Gamma shows the market." };
        var midday = new Option<bool>("--midday-resolutions") { Description = "Some markets close and resolve between the 09:00 cycle and the 18:00 end of day." };
        var all = new Option<bool>("--all-scenarios") { Description = "Every scenario switch above at once." };

        var serve = new Command("serve", "Serve the sample market over HTTP on 127.0.0.1 in Polymarket's formats until Ctrl+C.")
        {
            port, seed, events, latency, rateLimited, retryAfter, serverErrors, truncated, wsDrop, wsMalformed, wsSilent, wsInterval, noEvents, thin, ghosts, midday, all,
        };
        serve.SetAction(async (parse, ct) =>
        {
            var options = new SampleServerOptions
            {
                Port = parse.GetValue(port),
                Seed = parse.GetValue(seed),
                Events = parse.GetValue(events),
                MarketChannelInterval = TimeSpan.FromMilliseconds(parse.GetValue(wsInterval)),
                Faults = new FaultOptions
                {
                    Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
                    RateLimitRate = parse.GetValue(rateLimited),
                    RetryAfter = TimeSpan.FromSeconds(parse.GetValue(retryAfter)),
                    ServerErrorRate = parse.GetValue(serverErrors),
                    TruncatedJsonRate = parse.GetValue(truncated),
                    WsDropAfter = parse.GetValue(wsDrop),
                    WsMalformedRate = parse.GetValue(wsMalformed),
                    WsSilentAfter = parse.GetValue(wsSilent),
                },
                Scenarios = parse.GetValue(all)
                    ? ScenarioOptions.All
                    : new ScenarioOptions
                    {
                        MarketsWithoutEvents = parse.GetValue(noEvents),
                        ThinBestLevels = parse.GetValue(thin),
                        GhostBooks = parse.GetValue(ghosts),
                        MiddayResolutions = parse.GetValue(midday),
                    },
            };
            await using var server = await SampleServer.StartAsync(options, TimeProvider.System, ct);
            context.Console.MarkupLineInterpolated(
                $"Sample market (SIMULATED, seed {options.Seed}, ~{options.Events} open events) on [bold]{server.BaseAddress}[/]");
            // Written unwrapped so the command can be copied whatever the terminal width.
            await context.Console.Profile.Out.Writer.WriteLineAsync(
                $"Use it with: prescient refresh --source sample --gamma-url {server.BaseAddress} --clob-url {server.BaseAddress}");
            context.Console.MarkupLineInterpolated($"Market channel WebSocket on [bold]{server.MarketChannelAddress}[/]");
            await server.WaitForShutdownAsync(ct);
            return 0;
        });

        return new Command("sample", "The bundled simulated market.") { serve };
    }
}
