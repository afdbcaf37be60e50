using System.Buffers;
using System.Text.Json;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// The client's messages to the market channel (POLYMARKET-API.md section 3): the subscription sent
/// right after connecting, and the changes sent while connected. Note <c>assets_ids</c>, with an s.
/// </summary>
internal static class SubscriptionMessages
{
    /// <summary>The text keep-alive; the server answers <c>PONG</c>.</summary>
    public static ReadOnlyMemory<byte> Ping { get; } = "PING"u8.ToArray();

    /// <summary><c>{"assets_ids":[…],"type":"market","initial_dump":true,"custom_feature_enabled":true}</c></summary>
    public static byte[] Initial(IEnumerable<TokenId> tokens, bool initialDump, bool customFeatures) =>
        Write(writer =>
        {
            WriteTokens(writer, tokens);
            writer.WriteString("type", "market");
            writer.WriteBoolean("initial_dump", initialDump);
            writer.WriteBoolean("custom_feature_enabled", customFeatures);
        });

    /// <summary><c>{"assets_ids":[…],"operation":"subscribe","custom_feature_enabled":true}</c></summary>
    public static byte[] Subscribe(IEnumerable<TokenId> tokens, bool customFeatures) =>
        Write(writer =>
        {
            WriteTokens(writer, tokens);
            writer.WriteString("operation", "subscribe");
            writer.WriteBoolean("custom_feature_enabled", customFeatures);
        });

    /// <summary><c>{"assets_ids":[…],"operation":"unsubscribe"}</c></summary>
    public static byte[] Unsubscribe(IEnumerable<TokenId> tokens) =>
        Write(writer =>
        {
            WriteTokens(writer, tokens);
            writer.WriteString("operation", "unsubscribe");
        });

    private static void WriteTokens(Utf8JsonWriter writer, IEnumerable<TokenId> tokens)
    {
        writer.WriteStartArray("assets_ids");
        foreach (var token in tokens)
        {
            writer.WriteStringValue(token.Value);
        }

        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
