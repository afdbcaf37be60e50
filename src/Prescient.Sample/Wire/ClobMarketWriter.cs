using System.Text.Json;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Wire;

/// <summary>
/// Writes the CLOB <c>/markets/{condition_id}</c> object from the recorded resolved market: once
/// resolved, <c>tokens[].winner</c> marks the winning outcome and <c>price</c> is its payout.
/// </summary>
internal sealed class ClobMarketWriter : IFieldWriter
{
    private readonly EventSnapshot _snapshot;
    private readonly EventBlueprint _event;
    private readonly MarketBlueprint _market;
    private readonly MarketState _state;
    private readonly SampleIds _ids;

    private ClobMarketWriter(EventSnapshot snapshot, int index, SampleIds ids)
    {
        _snapshot = snapshot;
        _event = snapshot.Blueprint;
        _market = _event.Markets[index];
        _state = snapshot.Markets[index];
        _ids = ids;
    }

    public static void Write(Utf8JsonWriter writer, EventSnapshot snapshot, int index, SampleIds ids) =>
        TemplateStore.ClobMarket.Write(writer, new ClobMarketWriter(snapshot, index, ids));

    public bool TryWrite(Utf8JsonWriter w, string name, JsonEncodedText n)
    {
        var e = _event;
        var m = _market;
        var s = _state;
        var fees = SampleFees.BaseFeeBps(e.Kind);
        switch (name)
        {
            case "accepting_order_timestamp": w.WriteString(n, WireText.Iso(m.StartTicks)); return true;
            case "accepting_orders": w.WriteBoolean(n, s.AcceptingOrders); return true;
            case "active": w.WriteBoolean(n, e.Active); return true;
            case "archived": w.WriteBoolean(n, e.Archived); return true;
            case "closed": w.WriteBoolean(n, s.Closed); return true;
            case "condition_id": w.WriteString(n, m.ConditionId); return true;
            case "description": w.WriteString(n, e.Description); return true;
            case "enable_order_book": w.WriteBoolean(n, e.EnableOrderBook && !s.Closed); return true;
            case "end_date_iso": w.WriteString(n, WireText.Iso(m.EndTicks)); return true;
            case "game_start_time":
                if (e.Kind == EventKind.Sports)
                {
                    w.WriteString(n, WireText.Iso(GammaMarketWriter.GameStart(e)));
                }
                else
                {
                    w.WriteNull(n);
                }

                return true;
            case "icon" or "image": w.WriteString(n, ""); return true;
            case "is_50_50_outcome": w.WriteBoolean(n, s.Resolved && m.Resolution == Resolution.Split); return true;
            case "maker_base_fee" or "taker_base_fee": w.WriteNumber(n, fees); return true;
            case "market_slug": w.WriteString(n, m.Slug); return true;
            case "minimum_order_size": w.Write(n, m.MinOrderSize); return true;
            case "minimum_tick_size": w.Write(n, m.TickSize); return true;
            case "neg_risk": w.WriteBoolean(n, e.NegRisk); return true;
            case "neg_risk_market_id": w.WriteString(n, e.NegRiskMarketId ?? ""); return true;
            case "neg_risk_request_id": w.WriteString(n, e.NegRisk ? _ids.RequestId(m.Id) : ""); return true;
            case "question": w.WriteString(n, m.Question); return true;
            case "question_id": w.WriteString(n, m.QuestionId); return true;
            case "seconds_delay": w.WriteNumber(n, m.SecondsDelay); return true;
            case "tags":
                w.WriteStartArray(n);
                foreach (var slug in e.TagSlugs)
                {
                    w.WriteStringValue(TagCatalog.Instance.Tag(slug).Label);
                }

                w.WriteEndArray();
                return true;
            case "tokens": WriteTokens(w, n); return true;
            default: return false;
        }
    }

    private void WriteTokens(Utf8JsonWriter w, JsonEncodedText n)
    {
        var yes = _state.YesPayout ?? _state.DisplayPrice;
        w.WriteStartArray(n);
        for (var k = 0; k < 2; k++)
        {
            var price = k == 0 ? yes : 1 - yes;
            w.WriteStartObject();
            w.WriteString("outcome", _market.Outcomes[k]);
            w.WriteNumber("price", MarketModel.Normalize(price));
            w.WriteString("token_id", k == 0 ? _market.YesTokenId : _market.NoTokenId);
            w.WriteBoolean("winner", _state.Resolved && price == 1m);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
