using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>
/// Writes one Gamma event object at an instant from its kind's template, with its markets and
/// tags (or without them, as the parent event nested in a <c>/markets</c> item).
/// </summary>
internal sealed class GammaEventWriter : IFieldWriter
{
    private readonly EventSnapshot _snapshot;
    private readonly EventBlueprint _event;
    private readonly SampleIds _ids;
    private readonly bool _withChildren;

    private GammaEventWriter(EventSnapshot snapshot, SampleIds ids, bool withChildren)
    {
        _snapshot = snapshot;
        _event = snapshot.Blueprint;
        _ids = ids;
        _withChildren = withChildren;
    }

    public static void Write(Utf8JsonWriter writer, EventSnapshot snapshot, SampleIds ids, bool withChildren) =>
        TemplateStore.Event(snapshot.Blueprint.Kind).Write(writer, new GammaEventWriter(snapshot, ids, withChildren));

    public bool TryWrite(Utf8JsonWriter w, string name, JsonEncodedText n)
    {
        var e = _event;
        var closed = _snapshot.Closed;
        switch (name)
        {
            case "id": w.WriteString(n, WireText.Integer(e.Id)); return true;
            case "ticker" or "slug": w.WriteString(n, e.Slug); return true;
            case "title": w.WriteString(n, e.Title); return true;
            case "description": w.WriteString(n, e.Description); return true;
            case "resolutionSource": w.WriteString(n, SampleUniverse.ResolutionSource); return true;
            case "startDate" or "creationDate" or "deployingTimestamp": w.WriteString(n, WireText.IsoMicro(e.StartTicks)); return true;
            case "createdAt": w.WriteString(n, WireText.IsoMicro(e.StartTicks - TimeSpan.TicksPerMinute)); return true;
            case "updatedAt": w.WriteString(n, WireText.IsoMicro(Math.Min(_snapshot.Ticks, e.EndTicks + TimeSpan.TicksPerHour))); return true;
            case "endDate": w.WriteString(n, DateFormats.Format(e.End, e.EndFormat)); return true;
            case "closedTime": if (closed) w.WriteString(n, WireText.Iso(e.EndTicks)); return true;
            case "automaticallyResolved": if (closed) w.WriteBoolean(n, true); return true;
            case "image" or "icon": w.WriteString(n, ""); return true;
            case "active": w.WriteBoolean(n, e.Active); return true;
            case "closed": w.WriteBoolean(n, closed); return true;
            case "archived": w.WriteBoolean(n, e.Archived); return true;
            case "ended": w.WriteBoolean(n, closed); return true;
            case "live": w.WriteBoolean(n, !closed && _snapshot.Ticks >= GammaMarketWriter.GameStart(e)); return true;
            case "enableOrderBook": w.WriteBoolean(n, e.EnableOrderBook); return true;
            case "negRisk" or "enableNegRisk": w.WriteBoolean(n, e.NegRisk); return true;
            case "negRiskMarketID": if (e.NegRiskMarketId is { } group) w.WriteString(n, group); return true;
            case "liquidity": WriteMoney(w, n, _snapshot.Liquidity); return true;
            case "volume": WriteMoney(w, n, _snapshot.Volume); return true;
            case "liquidityClob": w.Write(n, _snapshot.Liquidity); return true;
            case "openInterest": w.Write(n, MarketModel.Money((double)_snapshot.Volume * 0.04)); return true;
            case "volume24hr": w.Write(n, _snapshot.Volume24h); return true;
            case "volume1wk": w.Write(n, _snapshot.Volume1wk); return true;
            case "volume1mo": w.Write(n, _snapshot.Volume1mo); return true;
            case "volume1yr": w.Write(n, _snapshot.Volume1yr); return true;
            case "commentCount": w.WriteNumber(n, e.CommentCount); return true;
            case "gameId": w.WriteNumber(n, e.GameId); return true;
            case "startTime": w.WriteString(n, WireText.Iso(e.Kind == EventKind.NegRisk ? e.EndTicks : GammaMarketWriter.GameStart(e))); return true;
            case "eventDate": w.WriteString(n, WireText.DateOnly(e.EndTicks)); return true;
            case "score": w.WriteString(n, closed ? "1-0" : "0-0"); return true;
            case "period": w.WriteString(n, closed ? "FT" : "NS"); return true;
            case "seriesSlug": w.WriteString(n, TextBank.Slug(e.League ?? e.Topic.ToString(), e.Slot)); return true;
            case "eventMetadata":
                w.WriteStartObject(n);
                w.WriteString("league", e.League ?? "");
                w.WriteString("leagueTier", "4");
                w.WriteEndObject();
                return true;
            case "markets": if (_withChildren) WriteMarkets(w, n); return true;
            case "tags": if (_withChildren) WriteTags(w, n); return true;
            default: return false;
        }
    }

    /// <summary>Event money is a JSON number, except for the events that send it as a string (a real quirk).</summary>
    private void WriteMoney(Utf8JsonWriter w, JsonEncodedText n, decimal value)
    {
        if (_event.NumbersAsStrings)
        {
            w.WriteString(n, WireText.Decimal(value));
        }
        else
        {
            w.Write(n, value);
        }
    }

    private void WriteMarkets(Utf8JsonWriter w, JsonEncodedText n)
    {
        w.WriteStartArray(n);
        for (var i = 0; i < _event.Markets.Length; i++)
        {
            GammaMarketWriter.Write(w, _snapshot, i, _ids, withParentEvent: false);
        }

        w.WriteEndArray();
    }

    private void WriteTags(Utf8JsonWriter w, JsonEncodedText n)
    {
        w.WriteStartArray(n);
        foreach (var slug in _event.TagSlugs)
        {
            w.WriteRawValue(TagCatalog.Instance.Tag(slug).Json, skipInputValidation: true);
        }

        w.WriteEndArray();
    }
}
