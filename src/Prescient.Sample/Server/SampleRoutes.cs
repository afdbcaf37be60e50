namespace Prescient.Sample.Server;

/// <summary>Route names used as keys of <see cref="SampleServerStats"/>.</summary>
public static class SampleRoutes
{
    /// <summary>Gamma keyset event listing.</summary>
    public const string EventsKeyset = "GET /events/keyset";

    /// <summary>Gamma legacy offset event listing (deprecated upstream).</summary>
    public const string Events = "GET /events";

    /// <summary>Gamma single event.</summary>
    public const string EventById = "GET /events/{id}";

    /// <summary>Gamma keyset market listing.</summary>
    public const string MarketsKeyset = "GET /markets/keyset";

    /// <summary>Gamma single market by numeric id.</summary>
    public const string MarketById = "GET /markets/{id}";

    /// <summary>CLOB market by condition id (0x…), on the same path as the Gamma market.</summary>
    public const string ClobMarket = "GET /markets/{condition_id}";

    /// <summary>CLOB batch order books.</summary>
    public const string Books = "POST /books";

    /// <summary>CLOB single order book.</summary>
    public const string Book = "GET /book";

    /// <summary>CLOB price history of one token.</summary>
    public const string PricesHistory = "GET /prices-history";

    /// <summary>CLOB base fee of one token, by query.</summary>
    public const string FeeRate = "GET /fee-rate";

    /// <summary>Data API <c>GET /trades</c>, the public trade tape.</summary>
    public const string DataTrades = "GET /trades";

    /// <summary>CLOB base fee of one token, by path.</summary>
    public const string FeeRateByPath = "GET /fee-rate/{token_id}";

    /// <summary>The market channel WebSocket (faults of its own: see <see cref="FaultOptions.WsDropAfter"/>).</summary>
    public const string MarketChannel = "GET /ws/market";

    /// <summary>The simulated clock (never faulted).</summary>
    public const string Clock = "GET /sample/clock";

    /// <summary>Advances the simulated clock (never faulted).</summary>
    public const string Advance = "POST /sample/advance";
}
