using System.Text.Json;
using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Storage;

/// <summary>Every discovered event, upstream objects whole: <c>events/raw_events_backup.json</c>.</summary>
public sealed record EventsSnapshot(DateTimeOffset GeneratedAt, MarketSourceInfo Source, IReadOnlyList<MarketEvent> Events);

/// <summary>The events that passed the filters, with the filter values used: <c>events/filtered_events.json</c>.</summary>
public sealed record FilteredEventsSnapshot(
    DateTimeOffset GeneratedAt,
    MarketSourceInfo Source,
    TradingFilterOptions Filters,
    IReadOnlyList<MarketEvent> Events);

/// <summary>
/// <c>events/filtered_events.json</c> as stored: the upstream event objects whole (not mapped), when and
/// from where they were fetched, and the filters used.
/// </summary>
public sealed record StoredFilteredEvents(
    DateTimeOffset GeneratedAt,
    MarketSourceInfo Source,
    TradingFilterOptions Filters,
    IReadOnlyList<JsonElement> Events);

/// <summary>Extracted market rows: <c>events/filtered_markets.json</c>.</summary>
public sealed record MarketsSnapshot(DateTimeOffset GeneratedAt, MarketSourceInfo Source, IReadOnlyList<MarketRow> Markets);

/// <summary>One quote per token: <c>markets/market_cache.json</c> (and the day's <c>daily_prices</c> file).</summary>
public sealed record QuotesSnapshot(DateTimeOffset GeneratedAt, MarketSourceInfo Source, IReadOnlyList<TokenQuote> Quotes);
