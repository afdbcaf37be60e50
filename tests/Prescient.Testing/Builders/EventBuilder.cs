using System.Globalization;
using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Testing.Builders;

/// <summary>
/// Builds an event that passes every default trading filter at <c>now</c>: active, open, order
/// book on, liquidity 5,000 and volume 50,000 USDC, ending in 30 days, one tradeable market.
/// </summary>
public sealed class EventBuilder
{
    private static int s_next = 1;
    private readonly List<Func<string, Market>> _markets = [];
    private MarketEvent _event;

    public EventBuilder(DateTimeOffset now)
    {
        var id = Interlocked.Increment(ref s_next).ToString(CultureInfo.InvariantCulture);
        _event = new MarketEvent
        {
            Id = EventId.Create(id),
            Slug = "event-" + id,
            Title = "Event " + id,
            Active = true,
            EnableOrderBook = true,
            Liquidity = 5_000m,
            Volume = 50_000m,
            EndDate = now.AddDays(30),
            Raw = new JsonObject { ["id"] = id, ["title"] = "Event " + id }.ToElement(),
        };
    }

    public EventBuilder With(Func<MarketEvent, MarketEvent> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _event = change(_event);
        return this;
    }

    public EventBuilder WithMarket(Func<MarketBuilder, MarketBuilder>? configure = null)
    {
        _markets.Add(eventId => (configure?.Invoke(new MarketBuilder(eventId)) ?? new MarketBuilder(eventId)).Build());
        return this;
    }

    public MarketEvent Build()
    {
        var markets = _markets.Count == 0 ? [new MarketBuilder(_event.Id.Value).Build()] : _markets.Select(m => m(_event.Id.Value)).ToArray();
        return _event with { Markets = markets };
    }
}
