using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Prescient.Host.Hosting;

namespace Prescient.Cli;

/// <summary>
/// Options every command takes. They become configuration keys on top of the <c>--config</c> file
/// and the <c>PRESCIENT_…</c> environment variables, so the CLI and the API read one configuration.
/// </summary>
internal sealed class GlobalOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "Data folder (default ./data).", Recursive = true };

    public Option<string> Source { get; } = new("--source") { Description = "Market source: sample (simulated, offline; default) or live.", Recursive = true };

    public Option<string> GammaUrl { get; } = new("--gamma-url") { Description = "Gamma API base URL (default https://gamma-api.polymarket.com for live).", Recursive = true };

    public Option<string> ClobUrl { get; } = new("--clob-url") { Description = "CLOB API base URL (default https://clob.polymarket.com for live).", Recursive = true };

    public Option<string> WsUrl { get; } = new("--ws-url") { Description = "Market-channel WebSocket URL for serve's live feed (default wss://ws-subscriptions-clob.polymarket.com/ws/market for live, the sample market's /ws/market for sample).", Recursive = true };

    public Option<string> Store { get; } = new("--store") { Description = "Where the trading state lives: files (the data folder; default) or postgres (needs --pg).", Recursive = true };

    public Option<string> Pg { get; } = new("--pg") { Description = "PostgreSQL connection string (default: the PRESCIENT_PG variable), e.g. \"Host=127.0.0.1;Port=55432;Username=prescient;Database=prescient\".", Recursive = true };

    public Option<string> Bus { get; } = new("--bus") { Description = "Where the cycle's stages run: none (in this process; default) or redis (queued on Redis Streams for `prescient worker`s; needs --redis).", Recursive = true };

    public Option<string> Redis { get; } = new("--redis") { Description = "Redis server for --bus redis and live settings, host:port (e.g. 127.0.0.1:56379).", Recursive = true };

    public Option<FileInfo> Config { get; } = new("--config") { Description = "JSON settings file; PRESCIENT_ environment variables override it.", Recursive = true };

    public IEnumerable<Option> All => [Data, Source, GammaUrl, ClobUrl, WsUrl, Store, Pg, Bus, Redis, Config];

    /// <summary>The configuration for <paramref name="parse"/>; <paramref name="extra"/> keys (a command's own options) win over everything.</summary>
    public IConfiguration BuildConfiguration(ParseResult parse, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var builder = new ConfigurationBuilder();
        if (parse.GetValue(Config) is { } file)
        {
            if (!file.Exists)
            {
                throw new SettingsException($"Config file {file.FullName} does not exist.");
            }

            builder.AddJsonFile(file.FullName, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables("PRESCIENT_");
        var overrides = new Dictionary<string, string?>();
        Put(overrides, "Data", parse.GetValue(Data));
        Put(overrides, "Source", parse.GetValue(Source));
        Put(overrides, "Polymarket:GammaUrl", parse.GetValue(GammaUrl));
        Put(overrides, "Polymarket:ClobUrl", parse.GetValue(ClobUrl));
        Put(overrides, "Polymarket:WsUrl", parse.GetValue(WsUrl));
        Put(overrides, "Store", parse.GetValue(Store));
        Put(overrides, "Postgres:ConnectionString", parse.GetValue(Pg));
        Put(overrides, "Bus:Kind", parse.GetValue(Bus));
        Put(overrides, "Bus:Redis", parse.GetValue(Redis));
        builder.AddInMemoryCollection(overrides);
        if (extra is not null)
        {
            builder.AddInMemoryCollection(extra);
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException($"Config file is not valid JSON: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new SettingsException($"Config file is not valid JSON: {e.Message}", e);
        }
    }

    private static void Put(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            overrides[key] = value;
        }
    }
}
