using System.Text.Json.Nodes;

namespace Prescient.Sample.Tests;

/// <summary>Walks keyset pages the way a client should: same filters on every page, until next_cursor is absent.</summary>
internal static class Paging
{
    public static async Task<List<JsonObject>> WalkAsync(SampleHarness harness, string path, string query, string itemsKey)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        for (var page = 0; page < 10_000; page++)
        {
            var url = $"{path}?{query}" + (cursor is null ? "" : "&after_cursor=" + Uri.EscapeDataString(cursor));
            var body = (await harness.GetJsonAsync(url)).AsObject();
            items.AddRange(body[itemsKey]!.AsArray().Select(e => e!.AsObject()));
            cursor = body["next_cursor"]?.GetValue<string>();
            if (cursor is null)
            {
                return items;
            }
        }

        throw new InvalidOperationException("Keyset paging did not end.");
    }

    public static string Id(JsonObject item) => item["id"]!.GetValue<string>();

    /// <summary>Parses one of Gamma's JSON-encoded string arrays, e.g. <c>"[\"Yes\", \"No\"]"</c>.</summary>
    public static string[] EncodedArray(JsonNode? node) =>
        JsonNode.Parse(node!.GetValue<string>())!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    public static decimal Dec(JsonNode? node) =>
        node!.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? decimal.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            : node.GetValue<decimal>();
}
