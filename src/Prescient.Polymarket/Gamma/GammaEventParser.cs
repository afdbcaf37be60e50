using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Domain.Ids;
using EventId = Prescient.Domain.Ids.EventId;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Wire;

namespace Prescient.Polymarket.Gamma;

/// <summary>
/// Maps a Gamma event object to a <see cref="MarketEvent"/> with its nested markets. The object is
/// kept whole in <see cref="MarketEvent.Raw"/>. An event without an id is a failure value; a
/// nested market that cannot be mapped is skipped with a logged warning and the event survives.
/// As <see cref="IEventParser"/> it maps the objects stored in the data folder back, logging any it cannot.
/// </summary>
public sealed class GammaEventParser : IEventParser
{
    private readonly ILogger<GammaEventParser> _logger;

    public GammaEventParser(ILogger<GammaEventParser> logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>A parser that does not log skipped markets.</summary>
    public GammaEventParser()
        : this(NullLogger<GammaEventParser>.Instance)
    {
    }

    /// <summary>
    /// Maps <paramref name="eventObject"/>. <see cref="MarketEvent.Raw"/> is a standalone clone of it,
    /// so the document it was read from can be disposed. Anything but a JSON object is a failure value.
    /// </summary>
    public ParseResult<MarketEvent> Parse(JsonElement eventObject)
    {
        if (eventObject.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Failure<MarketEvent>("the event is not a JSON object");
        }

        var id = WireReader.Text(eventObject, "id");
        if (id is null)
        {
            return ParseResult.Failure<MarketEvent>("event without an id");
        }

        var eventId = EventId.Create(id);
        return ParseResult.Success(new MarketEvent
        {
            Id = eventId,
            Slug = WireReader.Text(eventObject, "slug"),
            Title = WireReader.Text(eventObject, "title"),
            Active = WireReader.Bool(eventObject, "active") ?? false,
            Closed = WireReader.Bool(eventObject, "closed") ?? false,
            Archived = WireReader.Bool(eventObject, "archived") ?? false,
            EnableOrderBook = WireReader.Bool(eventObject, "enableOrderBook") ?? false,
            NegRisk = WireReader.Bool(eventObject, "negRisk") ?? false,
            Liquidity = WireReader.Decimal(eventObject, "liquidity"),
            Volume = WireReader.Decimal(eventObject, "volume"),
            Volume24h = WireReader.Decimal(eventObject, "volume24hr"),
            StartDate = WireReader.Date(eventObject, "startDate"),
            EndDate = WireReader.Date(eventObject, "endDate"),
            Tags = Tags(eventObject),
            Markets = Markets(eventObject, eventId),
            Raw = eventObject.Clone(),
        });
    }

    MarketEvent? IEventParser.Parse(JsonElement raw)
    {
        var result = Parse(raw);
        if (result.Error is { } error)
        {
            GammaLog.StoredEventSkipped(_logger, error);
        }

        return result.Value;
    }

    private static Tag[] Tags(JsonElement eventObject) =>
        (WireReader.Array(eventObject, "tags") ?? [])
            .Where(t => t.ValueKind == JsonValueKind.Object)
            .Select(t => (Id: WireReader.Text(t, "id"), Tag: t))
            .Where(t => t.Id is not null)
            .Select(t => new Tag(t.Id!, WireReader.Text(t.Tag, "slug"), WireReader.Text(t.Tag, "label")))
            .ToArray();

    private List<Market> Markets(JsonElement eventObject, EventId eventId)
    {
        var markets = new List<Market>();
        foreach (var marketObject in WireReader.Array(eventObject, "markets") ?? [])
        {
            if (marketObject.ValueKind != JsonValueKind.Object)
            {
                GammaLog.MarketSkipped(_logger, eventId.Value, "market entry is not a JSON object");
                continue;
            }

            var result = GammaMarketParser.Parse(marketObject, eventId);
            if (result.Value is { } market)
            {
                markets.Add(market);
            }
            else
            {
                GammaLog.MarketSkipped(_logger, eventId.Value, result.Error!);
            }
        }

        return markets;
    }
}
