using System.Globalization;
using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>
/// Data API <c>GET /trades</c> for one market, in the recorded shape (data-api/data_api_trades_page.json):
/// a JSON array of taker prints, newest first. The sample market prints every 2 to 8 minutes (fixed per
/// market) while the market is open: a taker buying at the ask or selling at the bid of the book the
/// CLOB shows then, on the YES or the NO token, 5 to 500 shares, all drawn from the seed, so a paper
/// fill made at an instant can be held against the prints that followed it.
/// </summary>
internal static class TradesWriter
{
    public static void Write(Utf8JsonWriter w, EventSnapshot snapshot, int index, int limit, int offset, int seed)
    {
        var e = snapshot.Blueprint;
        var m = e.Markets[index];
        var step = (2 + (long)(SampleRandom.Hash((ulong)(uint)seed, 0xD1, (ulong)m.Id) % 7)) * TimeSpan.TicksPerMinute;
        var end = Math.Min(snapshot.Ticks, m.EndTicks);
        w.WriteStartArray();
        for (var k = (end / step) - offset; k >= 0 && k * step >= m.StartTicks && limit-- > 0; k--)
        {
            WritePrint(w, e, m, index, k * step, SampleRandom.Hash((ulong)(uint)seed, 0xD2, (ulong)m.Id, (ulong)k));
        }

        w.WriteEndArray();
    }

    private static void WritePrint(Utf8JsonWriter w, EventBlueprint e, MarketBlueprint m, int index, long ticks, ulong draw)
    {
        var (bid, ask, _) = MarketModel.Quote(m, MarketModel.Probabilities(e, ticks)[index]);
        var no = (draw & 1) == 1;
        var buy = (draw & 2) == 2;
        var yesPrice = buy ^ no ? ask : bid;
        var price = no ? 1 - yesPrice : yesPrice;
        var size = 5m + ((draw >> 8) % 49_500) / 100m;
        w.WriteStartObject();
        w.WriteString("proxyWallet", "0x" + ((draw >> 4) & 0xFFFFFFFFFFFF).ToString("x40", CultureInfo.InvariantCulture));
        w.WriteString("side", buy ? "BUY" : "SELL");
        w.WriteString("asset", no ? m.NoTokenId : m.YesTokenId);
        w.WriteString("conditionId", m.ConditionId);
        w.WriteNumber("size", size);
        w.WriteNumber("price", MarketModel.Normalize(price));
        w.WriteNumber("timestamp", (ticks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerSecond);
        w.WriteString("title", m.Question);
        w.WriteString("slug", m.Slug);
        w.WriteString("eventSlug", e.Slug);
        w.WriteString("outcome", m.Outcomes[no ? 1 : 0]);
        w.WriteNumber("outcomeIndex", no ? 1 : 0);
        w.WriteString("transactionHash", "0x" + draw.ToString("x64", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }
}
