using System.Text.Json.Nodes;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Server;

/// <summary>Recorded payloads cut into the pieces the fake server and the parser tests need.</summary>
internal static class FixtureData
{
    public const string MicroStrategy = "gamma/events_active_limit1_microstrategy_2026-02.json";
    public const string NegRiskEvent = "gamma/event_negrisk_dem_nominee_2028.json";
    public const string Resolved2021 = "gamma/events_default_page_2021_resolved.json";
    public const string LegacyBook = "clob/book_2024-10_legacy_format.json";
    public const string WsReplay = "ws/ws_public_replay_2026-05.txt";

    /// <summary>The event objects of a recorded Gamma events array.</summary>
    public static IReadOnlyList<JsonObject> EventObjects(string fixture) =>
        Fixtures.Json(fixture).AsArray().Select(e => (JsonObject)e!.DeepClone()).ToArray();

    /// <summary>All 12 recorded events: MicroStrategy, the neg-risk nominee event, then the ten 2021 events.</summary>
    public static IReadOnlyList<JsonObject> AllEvents() =>
        [.. EventObjects(MicroStrategy), .. EventObjects(NegRiskEvent), .. EventObjects(Resolved2021)];

    public static JsonObject Object(string fixture) => (JsonObject)Fixtures.Json(fixture);

    /// <summary>The 24 real 2026-shape books of the WebSocket initial dump (the same objects <c>/books</c> returns).</summary>
    public static IReadOnlyList<JsonObject> Books2026()
    {
        var frame = Fixtures.Text(WsReplay).Split(";;").First(f => f.TrimStart().StartsWith('['));
        return JsonNode.Parse(frame)!.AsArray().Select(b => (JsonObject)b!).ToArray();
    }

    /// <summary>The recorded legacy book re-keyed to <paramref name="tokenId"/>.</summary>
    public static JsonObject LegacyBookFor(string tokenId)
    {
        var book = Object(LegacyBook);
        book["asset_id"] = tokenId;
        return book;
    }
}
