using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>
/// Writes one Gamma market object at an instant from its kind's template. Resolved markets look
/// like the recorded ones: no <c>bestBid</c> and no <c>liquidity</c> keys, a stale <c>bestAsk</c>,
/// <c>outcomePrices</c> 1/0 (or 0.5/0.5), <c>umaResolutionStatus</c> "resolved".
/// </summary>
internal sealed class GammaMarketWriter : IFieldWriter
{
    private readonly EventSnapshot _snapshot;
    private readonly EventBlueprint _event;
    private readonly MarketBlueprint _market;
    private readonly MarketState _state;
    private readonly SampleIds _ids;
    private readonly bool _withParentEvent;

    private GammaMarketWriter(EventSnapshot snapshot, int index, SampleIds ids, bool withParentEvent)
    {
        _snapshot = snapshot;
        _event = snapshot.Blueprint;
        _market = _event.Markets[index];
        _state = snapshot.Markets[index];
        _ids = ids;
        _withParentEvent = withParentEvent;
    }

    /// <summary>Writes the market; with <paramref name="withParentEvent"/> it carries <c>events:[…]</c> as <c>/markets</c> does.</summary>
    public static void Write(Utf8JsonWriter writer, EventSnapshot snapshot, int index, SampleIds ids, bool withParentEvent) =>
        TemplateStore.Market(snapshot.Blueprint.Kind).Write(writer, new GammaMarketWriter(snapshot, index, ids, withParentEvent));

    public bool TryWrite(Utf8JsonWriter w, string name, JsonEncodedText n)
    {
        var m = _market;
        var s = _state;
        var open = !s.Closed;
        var bothSides = m.Sides == BookSides.Both;
        switch (name)
        {
            case "id": w.WriteString(n, WireText.Integer(m.Id)); return true;
            case "question": w.WriteString(n, m.Question); return true;
            case "conditionId": w.WriteString(n, m.ConditionId); return true;
            case "slug": w.WriteString(n, m.Slug); return true;
            case "resolutionSource": w.WriteString(n, SampleUniverse.ResolutionSource); return true;
            case "endDate": w.WriteString(n, _event.EndFormat == DateFormat.IsoMicroseconds ? WireText.IsoMicro(m.EndTicks) : WireText.Iso(m.EndTicks)); return true;
            case "startDate" or "deployingTimestamp": w.WriteString(n, WireText.IsoMicro(m.StartTicks)); return true;
            case "createdAt": w.WriteString(n, WireText.IsoMicro(m.StartTicks - TimeSpan.TicksPerMinute)); return true;
            case "updatedAt": w.WriteString(n, WireText.IsoMicro(Math.Min(_snapshot.Ticks, m.EndTicks + TimeSpan.TicksPerHour))); return true;
            case "acceptingOrdersTimestamp": w.WriteString(n, WireText.Iso(m.StartTicks)); return true;
            case "endDateIso": w.WriteString(n, WireText.DateOnly(m.EndTicks)); return true;
            case "startDateIso": w.WriteString(n, WireText.DateOnly(m.StartTicks)); return true;
            case "image" or "icon": w.WriteString(n, ""); return true;
            case "description": w.WriteString(n, _event.Description); return true;
            case "outcomes": w.WriteString(n, WireText.EncodedArray(m.Outcomes)); return true;
            case "outcomePrices": w.WriteString(n, WireText.EncodedArray([WireText.Decimal(s.DisplayPrice), WireText.Decimal(1 - s.DisplayPrice)])); return true;
            case "clobTokenIds": w.WriteString(n, WireText.EncodedArray([m.YesTokenId, m.NoTokenId])); return true;
            case "questionID": w.WriteString(n, m.QuestionId); return true;
            case "groupItemTitle": WriteOptional(w, n, m.GroupItemTitle); return true;
            case "groupItemThreshold": w.WriteString(n, WireText.Integer(m.Index)); return true;
            case "active": w.WriteBoolean(n, _event.Active); return true;
            case "closed": w.WriteBoolean(n, s.Closed); return true;
            case "archived": w.WriteBoolean(n, _event.Archived); return true;
            case "enableOrderBook": w.WriteBoolean(n, _event.EnableOrderBook); return true;
            case "acceptingOrders": w.WriteBoolean(n, s.AcceptingOrders); return true;
            case "negRisk": w.WriteBoolean(n, _event.NegRisk); return true;
            case "negRiskMarketID": WriteOptional(w, n, _event.NegRiskMarketId); return true;
            case "negRiskRequestID": w.WriteString(n, _event.NegRisk ? _ids.RequestId(m.Id) : ""); return true;
            case "negRiskOther": w.WriteBoolean(n, false); return true;
            case "orderPriceMinTickSize": if (!m.OmitTickSize) w.Write(n, m.TickSize); return true;
            case "orderMinSize": w.Write(n, m.MinOrderSize); return true;
            case "liquidity": if (open && !m.OmitLiquidity) w.WriteString(n, WireText.Decimal(s.Liquidity)); return true;
            case "liquidityNum" or "liquidityClob": if (open && !m.OmitLiquidity) w.Write(n, s.Liquidity); return true;
            case "volume": w.WriteString(n, WireText.Decimal(s.Volume)); return true;
            case "volumeNum" or "volumeClob": w.Write(n, s.Volume); return true;
            case "volume24hr" or "volume24hrClob": w.Write(n, s.Volume24h); return true;
            case "volume1wk" or "volume1wkClob": w.Write(n, s.Volume1wk); return true;
            case "volume1mo" or "volume1moClob": w.Write(n, s.Volume1mo); return true;
            case "volume1yr" or "volume1yrClob": w.Write(n, s.Volume1yr); return true;
            case "bestBid": if (open && m.Sides is BookSides.Both or BookSides.NoAsks) w.Write(n, s.BestBid); return true;
            case "bestAsk": if (m.Sides is BookSides.Both or BookSides.NoBids) w.Write(n, s.BestAsk); return true;
            case "spread": if (bothSides) w.Write(n, s.BestAsk - s.BestBid); return true;
            case "lastTradePrice": w.Write(n, s.LastTradePrice); return true;
            case "oneHourPriceChange": w.Write(n, s.OneHourPriceChange); return true;
            case "oneDayPriceChange": w.Write(n, s.OneDayPriceChange); return true;
            case "oneWeekPriceChange": w.Write(n, s.OneWeekPriceChange); return true;
            case "oneMonthPriceChange": w.Write(n, s.OneMonthPriceChange); return true;
            case "oneYearPriceChange": return true;
            case "closedTime": if (!open) w.WriteString(n, WireText.Postgres(m.EndTicks)); return true;
            case "umaEndDate": if (!open) w.WriteString(n, WireText.Iso(m.EndTicks)); return true;
            case "umaResolutionStatus": if (!open) w.WriteString(n, s.Resolved ? "resolved" : "proposed"); return true;
            case "umaResolutionStatuses": w.WriteString(n, open ? "[]" : "[\"proposed\"]"); return true;
            case "automaticallyResolved": if (s.Resolved) w.WriteBoolean(n, true); return true;
            case "feesEnabled": w.WriteBoolean(n, SampleFees.Charged(_event.Kind)); return true;
            case "gameId": w.WriteString(n, WireText.Integer(_event.GameId)); return true;
            case "gameStartTime": w.WriteString(n, WireText.Postgres(GameStart(_event))); return true;
            case "eventStartTime": w.WriteString(n, WireText.Iso(GameStart(_event))); return true;
            case "events":
                if (_withParentEvent)
                {
                    w.WriteStartArray(n);
                    GammaEventWriter.Write(w, _snapshot, _ids, withChildren: false);
                    w.WriteEndArray();
                }

                return true;
            default: return false;
        }
    }

    /// <summary>Sports games start three hours before the market closes; Up/Down windows at the event start.</summary>
    public static long GameStart(EventBlueprint e) =>
        e.Kind == EventKind.Sports ? Math.Max(e.StartTicks, e.EndTicks - (3 * TimeSpan.TicksPerHour)) : e.StartTicks;

    private static void WriteOptional(Utf8JsonWriter w, JsonEncodedText n, string? value)
    {
        if (value is not null)
        {
            w.WriteString(n, value);
        }
    }
}
