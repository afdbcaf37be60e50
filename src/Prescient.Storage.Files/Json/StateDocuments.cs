using Prescient.Engine.Storage;
using Prescient.Storage.Files.Markets;
using Prescient.Storage.Files.Trading;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// The state documents of the file contract (<c>portfolio.json</c>, <c>current_signals.json</c>,
/// <c>filtered_markets.json</c>, <c>market_cache.json</c>, <c>filtered_events.json</c>) as bytes, for a store
/// that keeps them somewhere other than the data folder: the same JSON a file holds, read back by the
/// same strict checks. <c>name</c> names the document in errors.
/// </summary>
public static class StateDocuments
{
    public const string Portfolio = "trades/portfolio.json";
    public const string Signals = "trades/current_signals.json";
    public const string Markets = "events/filtered_markets.json";
    public const string Quotes = "markets/market_cache.json";
    public const string FilteredEvents = "events/filtered_events.json";

    public static byte[] EncodePortfolio(PortfolioSnapshot snapshot) => JsonFile.Serialize(PortfolioEnvelope.From(snapshot));

    public static PortfolioSnapshot DecodePortfolio(ReadOnlySpan<byte> json, string name) => JsonFile.Parse<PortfolioEnvelope>(json, name).ToSnapshot(name);

    public static byte[] EncodeSignals(SignalsSnapshot snapshot) => JsonFile.Serialize(SignalsEnvelope.From(snapshot));

    public static SignalsSnapshot DecodeSignals(ReadOnlySpan<byte> json, string name) => JsonFile.Parse<SignalsEnvelope>(json, name).ToSnapshot(name);

    public static MarketsSnapshot DecodeMarkets(ReadOnlySpan<byte> json, string name) => JsonFile.Parse<MarketsEnvelope>(json, name).ToSnapshot(name);

    public static QuotesSnapshot DecodeQuotes(ReadOnlySpan<byte> json, string name) => JsonFile.Parse<QuotesEnvelope>(json, name).ToSnapshot(name);

    public static StoredFilteredEvents DecodeFilteredEvents(ReadOnlySpan<byte> json, string name) => JsonFile.Parse<FilteredEventsEnvelope>(json, name).ToSnapshot(name);

    /// <summary>The header of a document (<c>generated_at</c>, <c>source</c>) without mapping the rest.</summary>
    public static (DateTimeOffset? GeneratedAt, string? Source) Header(ReadOnlySpan<byte> json, string name) =>
        JsonFile.Parse<DocumentHeader>(json, name) is var h ? (h.GeneratedAt, h.Source) : default;

    internal sealed record DocumentHeader(DateTimeOffset? GeneratedAt, string? Source);
}
