using System.Text.Json;

namespace Prescient.Sample.Server;

/// <summary>
/// A client message of the market channel: the first one
/// (<c>{"assets_ids":[…],"type":"market","initial_dump":true,"custom_feature_enabled":true}</c>) or a
/// later change (<c>{"assets_ids":[…],"operation":"subscribe"|"unsubscribe"}</c>).
/// </summary>
/// <param name="AssetIds">Token ids as sent (unknown ones are ignored later).</param>
/// <param name="Unsubscribe">An <c>"operation":"unsubscribe"</c>; anything else adds tokens.</param>
/// <param name="InitialDump">Whether the books of the added tokens are sent; true unless <c>initial_dump</c> is false.</param>
/// <param name="CustomFeatureEnabled">The <c>custom_feature_enabled</c> flag when present.</param>
internal sealed record MarketChannelRequest(IReadOnlyList<string> AssetIds, bool Unsubscribe, bool InitialDump, bool? CustomFeatureEnabled)
{
    /// <summary>The request, or null when the message is not a JSON object with an <c>assets_ids</c> array of strings and a known <c>type</c> or <c>operation</c>.</summary>
    public static MarketChannelRequest? Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            var reader = new Utf8JsonReader(message);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("assets_ids", out var assets) || assets.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var ids = new List<string>(assets.GetArrayLength());
            foreach (var id in assets.EnumerateArray())
            {
                if (id.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                ids.Add(id.GetString()!);
            }

            var operation = Text(root, "operation");
            var type = Text(root, "type");
            var unsubscribe = string.Equals(operation, "unsubscribe", StringComparison.OrdinalIgnoreCase);
            if (!unsubscribe && !string.Equals(operation, "subscribe", StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "market", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return new MarketChannelRequest(ids, unsubscribe, Flag(root, "initial_dump") ?? true, Flag(root, "custom_feature_enabled"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
