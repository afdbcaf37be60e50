namespace Prescient.Sample.Server;

/// <summary>Route names used as keys of <see cref="SampleServerStats"/>.</summary>
public static class SampleRoutes
{
    public const string EventsKeyset = "GET /events/keyset";
    public const string Events = "GET /events";
    public const string EventById = "GET /events/{id}";
    public const string MarketsKeyset = "GET /markets/keyset";
    public const string MarketById = "GET /markets/{id}";
    public const string ClobMarket = "GET /markets/{condition_id}";
    public const string Books = "POST /books";
    public const string Book = "GET /book";
    public const string PricesHistory = "GET /prices-history";
    public const string Clock = "GET /sample/clock";
    public const string Advance = "POST /sample/advance";
}
