using Microsoft.Extensions.Configuration;
using Prescient.Sample.Server;

namespace Prescient.Host.Hosting;

/// <summary>
/// The settings every command shares. Sources, later ones winning: defaults, the JSON file named
/// by <c>--config</c>, environment variables <c>PRESCIENT_…</c> (e.g. <c>PRESCIENT_Filters__MinLiquidity</c>),
/// then command-line options.
/// </summary>
public sealed record PrescientSettings
{
    public const string SampleSource = "sample";
    public const string LiveSource = "live";
    public const string FileStore = "files";
    public const string PostgresStore = "postgres";

    /// <summary>The data folder (key <c>Data</c>, option <c>--data</c>). Default <c>./data</c>.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary><c>sample</c> (the bundled simulated market, default) or <c>live</c> (key <c>Source</c>, option <c>--source</c>).</summary>
    public string Source { get; init; } = SampleSource;

    /// <summary>
    /// Gamma base URL (key <c>Polymarket:GammaUrl</c>, option <c>--gamma-url</c>). For <c>live</c> the
    /// default is https://gamma-api.polymarket.com; for <c>sample</c>, when unset, an in-process
    /// sample server is started and used.
    /// </summary>
    public Uri? GammaUrl { get; init; }

    /// <summary>CLOB base URL (key <c>Polymarket:ClobUrl</c>, option <c>--clob-url</c>); defaults as for <see cref="GammaUrl"/>.</summary>
    public Uri? ClobUrl { get; init; }

    /// <summary>Data API base URL (key <c>Polymarket:DataApiUrl</c>); for the sample market, the sample server's by default.</summary>
    public Uri? DataApiUrl { get; init; }

    /// <summary>
    /// The market-channel WebSocket (key <c>Polymarket:WsUrl</c>, option <c>--ws-url</c>): for <c>live</c>
    /// Polymarket's by default; for <c>sample</c> the sample market's own <c>/ws/market</c>.
    /// </summary>
    public Uri? WsUrl { get; init; }

    /// <summary>
    /// Where the trading state lives (key <c>Store</c>, option <c>--store</c>): <c>files</c> (the data folder,
    /// default) or <c>postgres</c> (the database at <see cref="PostgresConnection"/>; the data folder then
    /// keeps this machine's CSVs, logs and reports).
    /// </summary>
    public string Store { get; init; } = FileStore;

    /// <summary>The PostgreSQL connection string (key <c>Postgres:ConnectionString</c>, option <c>--pg</c>, or the variable <c>PRESCIENT_PG</c>).</summary>
    public string? PostgresConnection { get; init; }

    public bool IsPostgres => Store == PostgresStore;

    /// <summary>Seed of the sample market (key <c>Sample:Seed</c>). Default 42.</summary>
    public int SampleSeed { get; init; } = 42;

    /// <summary>About how many events the sample market has open at once (key <c>Sample:Events</c>). Default 300.</summary>
    public int SampleEvents { get; init; } = 300;

    /// <summary>
    /// Awkward upstream behaviours the in-process sample market reproduces (keys
    /// <c>Sample:Scenarios:MarketsWithoutEvents</c>, <c>…:ThinBestLevels</c>, <c>…:GhostBooks</c>,
    /// <c>…:MiddayResolutions</c>). Default none.
    /// </summary>
    public ScenarioOptions SampleScenarios { get; init; } = new();

    public bool IsSample => Source == SampleSource;

    public static PrescientSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new PrescientSettings();
        var settings = new PrescientSettings
        {
            DataDirectory = Path.GetFullPath(configuration["Data"] is { Length: > 0 } data ? data : defaults.DataDirectory),
            Source = (configuration["Source"] ?? defaults.Source).Trim().ToLowerInvariant(),
            GammaUrl = ParseUrl(configuration, "Polymarket:GammaUrl"),
            ClobUrl = ParseUrl(configuration, "Polymarket:ClobUrl"),
            DataApiUrl = ParseUrl(configuration, "Polymarket:DataApiUrl"),
            WsUrl = ParseUrl(configuration, "Polymarket:WsUrl", "ws", "wss"),
            Store = (configuration["Store"] ?? defaults.Store).Trim().ToLowerInvariant(),
            PostgresConnection = configuration["Postgres:ConnectionString"] is { Length: > 0 } pg ? pg : configuration["PG"],
            SampleSeed = configuration.GetValue("Sample:Seed", defaults.SampleSeed),
            SampleEvents = configuration.GetValue("Sample:Events", defaults.SampleEvents),
            SampleScenarios = new ScenarioOptions
            {
                MarketsWithoutEvents = configuration.GetValue("Sample:Scenarios:MarketsWithoutEvents", false),
                ThinBestLevels = configuration.GetValue("Sample:Scenarios:ThinBestLevels", false),
                GhostBooks = configuration.GetValue("Sample:Scenarios:GhostBooks", false),
                MiddayResolutions = configuration.GetValue("Sample:Scenarios:MiddayResolutions", false),
            },
        };
        if (settings.Source is not (SampleSource or LiveSource))
        {
            throw new SettingsException($"Source must be 'sample' or 'live', not '{settings.Source}'.");
        }

        if (settings.Store is not (FileStore or PostgresStore))
        {
            throw new SettingsException($"Store must be 'files' or 'postgres', not '{settings.Store}'.");
        }

        if (settings.IsPostgres && string.IsNullOrWhiteSpace(settings.PostgresConnection))
        {
            throw new SettingsException("--store postgres needs --pg \"connection string\" (or PRESCIENT_PG), e.g. \"Host=127.0.0.1;Port=55432;Username=prescient;Database=prescient\".");
        }

        if (settings.SampleEvents < 1)
        {
            throw new SettingsException("Sample:Events must be 1 or more.");
        }

        return settings;
    }

    private static Uri? ParseUrl(IConfiguration configuration, string key, string scheme = "http", string secure = "https")
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == scheme || uri.Scheme == secure)
            ? uri
            : throw new SettingsException($"{key} must be an absolute {scheme}({secure[^1]}) URL, not '{text}'.");
    }
}
