using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>
/// Writes a CLOB book in the 2026 shape: every value a string except <c>neg_risk</c>; bids
/// ascending and asks descending, so the best price is last as on the real API; <c>hash</c> is the
/// SHA-1 of the compact book written with <c>"hash":""</c> (py-clob-client's rule).
/// </summary>
internal static class BookWriter
{
    private static readonly JsonEncodedText HashName = JsonEncodedText.Encode("hash");

    public static void Write(Utf8JsonWriter writer, SimBook book, MarketBlueprint market, bool negRisk, long nowTicks)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var hashAt = WriteUnhashed(buffer, book, market, negRisk, nowTicks);
        var compact = buffer.WrittenSpan;
        var hex = Convert.ToHexStringLower(SHA1.HashData(compact));
        var result = new byte[compact.Length + hex.Length];
        compact[..hashAt].CopyTo(result);
        System.Text.Encoding.ASCII.GetBytes(hex, result.AsSpan(hashAt));
        compact[hashAt..].CopyTo(result.AsSpan(hashAt + hex.Length));
        writer.WriteRawValue(result, skipInputValidation: true);
    }

    /// <summary>The <c>hash</c> that <see cref="Write"/> gives the same book at the same instant (the market channel repeats it, so a client can match a WebSocket book with <c>GET /book</c>).</summary>
    public static string Hash(SimBook book, MarketBlueprint market, bool negRisk, long nowTicks)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        WriteUnhashed(buffer, book, market, negRisk, nowTicks);
        return Convert.ToHexStringLower(SHA1.HashData(buffer.WrittenSpan));
    }

    /// <summary>The compact book with <c>"hash":""</c>; returns the offset between the two quotes of that empty hash.</summary>
    private static int WriteUnhashed(ArrayBufferWriter<byte> buffer, SimBook book, MarketBlueprint market, bool negRisk, long nowTicks)
    {
        int hashAt;
        using var inner = new Utf8JsonWriter(buffer);
        inner.WriteStartObject();
        inner.WriteString("market", market.ConditionId);
        inner.WriteString("asset_id", book.TokenId);
        inner.WriteString("timestamp", WireText.Integer((nowTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMillisecond));
        inner.WriteString(HashName, "");
        inner.Flush();
        hashAt = buffer.WrittenCount - 1;
        WriteLevels(inner, "bids", book.Bids);
        WriteLevels(inner, "asks", book.Asks);
        inner.WriteString("min_order_size", WireText.Decimal(market.MinOrderSize));
        inner.WriteString("tick_size", WireText.Decimal(market.TickSize));
        inner.WriteBoolean("neg_risk", negRisk);
        inner.WriteString("last_trade_price", WireText.Decimal(book.LastTradePrice));
        inner.WriteEndObject();
        inner.Flush();
        return hashAt;
    }

    /// <summary>Levels as the wire orders them: bids ascending and asks descending (best last).</summary>
    public static void WriteLevels(Utf8JsonWriter w, string name, SimLevel[] bestFirst)
    {
        // bestFirst holds bids by descending price and asks by ascending price; the wire puts the best last.
        w.WriteStartArray(name);
        for (var i = bestFirst.Length - 1; i >= 0; i--)
        {
            w.WriteStartObject();
            w.WriteString("price", WireText.Decimal(bestFirst[i].Price));
            w.WriteString("size", WireText.Decimal(bestFirst[i].Size));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
