using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Testing;

namespace Prescient.Engine.Tests.Settlement;

/// <summary>
/// The recorded Gamma and CLOB market payloads read into the values the settlement rule takes,
/// reading only the fields resolution depends on (the Polymarket project's parsers are not
/// referenced from Engine tests). Gamma sends outcomes, prices and token ids as JSON-encoded strings.
/// </summary>
internal static class RecordedMarkets
{
    public static Market Gamma(string fixture, Func<JsonObject, JsonObject>? edit = null)
    {
        var node = Fixtures.Json("gamma/" + fixture).AsObject();
        node = edit?.Invoke(node) ?? node;
        var names = Strings(node["outcomes"]);
        var prices = Strings(node["outcomePrices"]);
        var tokens = Strings(node["clobTokenIds"]);
        return new Market
        {
            Id = MarketId.Create((string)node["id"]!),
            EventId = EventId.Create("1"),
            ConditionId = ConditionId.Create((string)node["conditionId"]!),
            Question = (string)node["question"]!,
            Outcomes = names.Select((name, i) => new Outcome(
                name,
                i < tokens.Count ? TokenId.Create(tokens[i]) : null,
                i < prices.Count ? decimal.Parse(prices[i], NumberStyles.Float, CultureInfo.InvariantCulture) : null)).ToArray(),
            Active = (bool?)node["active"] ?? false,
            Closed = (bool?)node["closed"] ?? false,
            AcceptingOrders = (bool?)node["acceptingOrders"] ?? false,
            EnableOrderBook = (bool?)node["enableOrderBook"] ?? false,
        };
    }

    public static ClobMarketView Clob(string fixture, Func<JsonObject, JsonObject>? edit = null)
    {
        var node = Fixtures.Json("clob/" + fixture).AsObject();
        node = edit?.Invoke(node) ?? node;
        var tokens = node["tokens"]!.AsArray();
        return new ClobMarketView(
            ConditionId.Create((string)node["condition_id"]!),
            (bool)node["closed"]!,
            (bool?)node["accepting_orders"] ?? false,
            tokens.Where(t => (bool?)t!["winner"] == true).Select(t => TokenId.Create((string)t!["token_id"]!)).ToArray(),
            (bool?)node["is_50_50_outcome"] ?? false);
    }

    private static List<string> Strings(JsonNode? encoded) =>
        encoded is null ? [] : JsonSerializer.Deserialize<List<string>>((string)encoded!) ?? [];
}
