using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>
/// CLOB <c>/prices-history</c>: <c>{"history":[{"t":unix seconds,"p":price}]}</c> sampled every
/// <c>fidelity</c> minutes from the same price function that drives Gamma and the books. As on
/// the real API, a resolved market has no history at a fidelity under 720 minutes.
/// </summary>
internal static class PriceHistoryWriter
{
    /// <summary>
    /// At most this many points per reply; a finer fidelity over a longer range is coarsened. Enough
    /// for a month at one minute (44,640), so <c>history fetch</c> windows get the fidelity they ask for.
    /// </summary>
    public const int MaxPoints = 50_000;

    public static void WriteEmpty(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("history");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, EventSnapshot snapshot, int index, int outcome, long fromTicks, long toTicks, int fidelityMinutes)
    {
        var e = snapshot.Blueprint;
        var m = e.Markets[index];
        w.WriteStartObject();
        w.WriteStartArray("history");
        var resolvedTooFine = snapshot.Markets[index].Closed && fidelityMinutes < 720;
        var step = Math.Max(1, fidelityMinutes) * TimeSpan.TicksPerMinute;
        var from = Math.Max(fromTicks, m.StartTicks);
        var to = Math.Min(toTicks, Math.Min(snapshot.Ticks, m.EndTicks));
        if (!resolvedTooFine && to >= from)
        {
            step = Math.Max(step, (to - from) / MaxPoints + 1);
            step -= step % TimeSpan.TicksPerMinute;
            var first = from + ((step - (from % step)) % step);
            var last = first;
            for (var t = first; t <= to; t += step)
            {
                WritePoint(w, e, index, outcome, t);
                last = t;
            }

            // A resolved market's series ends on its payout at the close, whatever the grid.
            if (to == m.EndTicks && last != to)
            {
                WritePoint(w, e, index, outcome, to);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter w, EventBlueprint e, int index, int outcome, long ticks)
    {
        var yes = MarketModel.DisplayPrice(e.Markets[index], MarketModel.Probabilities(e, ticks)[index], ticks);
        w.WriteStartObject();
        w.WriteNumber("t", (ticks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerSecond);
        w.WriteNumber("p", MarketModel.Normalize(outcome == 0 ? yes : 1 - yes));
        w.WriteEndObject();
    }
}
