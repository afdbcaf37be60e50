using Prescient.Engine.Markets;
using Prescient.Sample.Server;

namespace Prescient.Host.Hosting;

/// <summary>
/// The Polymarket-compatible endpoints a run talks to: the real APIs, a sample server given by URL,
/// or a sample server started in this process (the offline default).
/// </summary>
public sealed class MarketBackend : IAsyncDisposable
{
    public static readonly Uri PolymarketGamma = new("https://gamma-api.polymarket.com/");
    public static readonly Uri PolymarketClob = new("https://clob.polymarket.com/");

    public static readonly Uri PolymarketDataApi = new("https://data-api.polymarket.com/");

    public static readonly Uri PolymarketMarketChannel = new("wss://ws-subscriptions-clob.polymarket.com/ws/market");

    private MarketBackend(MarketSourceInfo info, Uri gammaUrl, Uri clobUrl, Uri wsUrl, SampleServer? sample, bool reached = true)
    {
        WsUrl = wsUrl;
        Info = info;
        GammaUrl = gammaUrl;
        ClobUrl = clobUrl;
        Sample = sample;
        IsReached = reached;
    }

    public MarketSourceInfo Info { get; }

    public Uri GammaUrl { get; }

    public Uri ClobUrl { get; }

    /// <summary>
    /// The Data API (the public trade tape): <c>Polymarket:DataApiUrl</c> when set; for the sample
    /// market, the sample server (it serves <c>/trades</c> beside the CLOB); otherwise Polymarket's.
    /// </summary>
    public Uri DataApiUrl { get; private init; } = PolymarketDataApi;

    /// <summary>The market channel the live feed of <c>serve</c> connects to.</summary>
    public Uri WsUrl { get; }

    /// <summary>The in-process sample server, when this run started one.</summary>
    public SampleServer? Sample { get; }

    /// <summary>
    /// False for a command that only reads the data folder (<see cref="NotReached"/>): no sample
    /// server was started, and the run's market source refuses every call.
    /// </summary>
    public bool IsReached { get; }

    /// <summary>
    /// The backend of a command that only reads the data folder (status, positions, trades…): the
    /// source it names, nothing started, nothing reached. Saves the in-process sample server's start.
    /// </summary>
    public static MarketBackend NotReached(PrescientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var info = settings.IsSample ? MarketSourceInfo.Sample : MarketSourceInfo.Live;
        var gamma = settings.GammaUrl ?? settings.ClobUrl ?? PolymarketGamma;
        var clob = settings.ClobUrl ?? settings.GammaUrl ?? PolymarketClob;
        return new MarketBackend(info, gamma, clob, settings.WsUrl ?? PolymarketMarketChannel, null, reached: false) { DataApiUrl = DataApiOf(settings, clob) };
    }

    public static async Task<MarketBackend> StartAsync(PrescientSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsSample)
        {
            return new MarketBackend(MarketSourceInfo.Live, settings.GammaUrl ?? PolymarketGamma, settings.ClobUrl ?? PolymarketClob, settings.WsUrl ?? PolymarketMarketChannel, null)
            {
                DataApiUrl = settings.DataApiUrl ?? PolymarketDataApi,
            };
        }

        if (settings.GammaUrl is not null || settings.ClobUrl is not null)
        {
            var gamma = settings.GammaUrl ?? settings.ClobUrl!;
            var clob = settings.ClobUrl ?? gamma;
            return new MarketBackend(MarketSourceInfo.Sample, gamma, clob, settings.WsUrl ?? MarketChannelOf(clob), null) { DataApiUrl = settings.DataApiUrl ?? clob };
        }

        var server = await SampleServer.StartAsync(
            new SampleServerOptions { Seed = settings.SampleSeed, Events = settings.SampleEvents, Scenarios = settings.SampleScenarios },
            time,
            cancellationToken);
        return new MarketBackend(MarketSourceInfo.Sample, server.BaseAddress, server.BaseAddress, settings.WsUrl ?? MarketChannelOf(server.BaseAddress), server)
        {
            DataApiUrl = settings.DataApiUrl ?? server.BaseAddress,
        };
    }

    private static Uri DataApiOf(PrescientSettings settings, Uri clob) =>
        settings.DataApiUrl ?? (settings.IsSample ? clob : PolymarketDataApi);

    /// <summary>The sample market's channel beside its CLOB: ws(s)://host:port/ws/market.</summary>
    private static Uri MarketChannelOf(Uri clob) =>
        new UriBuilder(clob) { Scheme = clob.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = "/ws/market", Query = "" }.Uri;

    public async ValueTask DisposeAsync()
    {
        if (Sample is not null)
        {
            await Sample.DisposeAsync();
        }
    }
}
