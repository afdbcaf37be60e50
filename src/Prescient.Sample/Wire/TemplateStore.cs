using System.Text.Json.Nodes;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>
/// The compiled templates: for each kind of event, the recorded event and market it is cloned
/// from (MicroStrategy ladder, Democratic nominee neg-risk, sports moneyline, BTC Up/Down), each
/// completed with the keys the recorded resolved market shows (closedTime, umaResolutionStatus, …).
/// </summary>
internal static class TemplateStore
{
    private static readonly Lazy<Templates> Compiled = new(Compile);

    public static JsonTemplate Event(EventKind kind) => Compiled.Value.Events[kind];

    public static JsonTemplate Market(EventKind kind) => Compiled.Value.Markets[kind];

    public static JsonTemplate ClobMarket => Compiled.Value.ClobMarket;

    /// <summary>Parses and compiles every template (and the tag catalog) now, so the first request is not slower.</summary>
    public static void Warm()
    {
        _ = Compiled.Value;
        _ = TagCatalog.Instance;
    }

    private static Templates Compile()
    {
        var ladder = EmbeddedTemplates.LoadObject("gamma", "events_active_limit1_microstrategy_2026-02");
        var negRisk = EmbeddedTemplates.LoadObject("gamma", "event_negrisk_dem_nominee_2028");
        var sports = EmbeddedTemplates.LoadObject("gamma", "market_sports_moneyline");
        var crypto = EmbeddedTemplates.LoadObject("gamma", "market_btc_updown_5m_active");
        var openMarket = ladder["markets"]![1]!.AsObject();
        var resolvedMarket = ladder["markets"]![0]!.AsObject();
        var sportsEvent = sports["events"]![0]!.AsObject();
        var cryptoEvent = crypto["events"]![0]!.AsObject();

        // Keys a closed event carries (values are always written by the event writer).
        var closedEvent = new JsonObject { ["closedTime"] = "", ["automaticallyResolved"] = true };
        var parentEvents = new JsonObject { ["events"] = new JsonArray() };

        var events = new Dictionary<EventKind, JsonTemplate>
        {
            [EventKind.Binary] = new([ladder, closedEvent]),
            [EventKind.Ladder] = new([ladder, closedEvent]),
            [EventKind.NegRisk] = new([negRisk, closedEvent], "countryName", "electionType"),
            [EventKind.Sports] = new([sportsEvent, ladder]),
            [EventKind.CryptoUpDown] = new([cryptoEvent, ladder, closedEvent], "series"),
        };
        var markets = new Dictionary<EventKind, JsonTemplate>
        {
            [EventKind.Binary] = new([openMarket, resolvedMarket, parentEvents]),
            [EventKind.Ladder] = new([openMarket, resolvedMarket, parentEvents]),
            [EventKind.NegRisk] = new([negRisk["markets"]![0]!.AsObject(), resolvedMarket, parentEvents]),
            [EventKind.Sports] = new([sports, openMarket]),
            [EventKind.CryptoUpDown] = new([crypto, resolvedMarket]),
        };
        var clob = new JsonTemplate([EmbeddedTemplates.LoadObject("clob", "clob_market_resolved_tokens_winner")]);
        return new Templates(events, markets, clob);
    }

    private sealed record Templates(
        Dictionary<EventKind, JsonTemplate> Events,
        Dictionary<EventKind, JsonTemplate> Markets,
        JsonTemplate ClobMarket);
}
