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
    private static readonly WireKeys<Key> Keys = new();

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
    /// so the document it was read from can be disposed (an element of a standalone document, such as
    /// a cloned page, is its own clone and is not copied). Anything but a JSON object is a failure value.
    /// </summary>
    public ParseResult<MarketEvent> Parse(JsonElement eventObject) => Parse(eventObject, cloneRaw: true);

    /// <summary>
    /// As <see cref="Parse(JsonElement)"/>; without <paramref name="cloneRaw"/>, Raw is
    /// <paramref name="eventObject"/> itself, for a caller whose document is never disposed.
    /// </summary>
    internal ParseResult<MarketEvent> Parse(JsonElement eventObject, bool cloneRaw)
    {
        if (eventObject.ValueKind != JsonValueKind.Object)
        {
            return ParseResult.Failure<MarketEvent>("the event is not a JSON object");
        }

        var f = Keys.Read(eventObject);
        var id = WireReader.Text(f[Key.Id]);
        if (id is null)
        {
            return ParseResult.Failure<MarketEvent>("event without an id");
        }

        var eventId = EventId.Create(id);
        return ParseResult.Success(new MarketEvent
        {
            Id = eventId,
            Slug = WireReader.Text(f[Key.Slug]),
            Title = WireReader.Text(f[Key.Title]),
            Active = WireReader.Bool(f[Key.Active]) ?? false,
            Closed = WireReader.Bool(f[Key.Closed]) ?? false,
            Archived = WireReader.Bool(f[Key.Archived]) ?? false,
            EnableOrderBook = WireReader.Bool(f[Key.EnableOrderBook]) ?? false,
            NegRisk = WireReader.Bool(f[Key.NegRisk]) ?? false,
            Liquidity = WireReader.Decimal(f[Key.Liquidity]),
            Volume = WireReader.Decimal(f[Key.Volume]),
            Volume24h = WireReader.Decimal(f[Key.Volume24hr]),
            StartDate = WireReader.Date(f[Key.StartDate]),
            EndDate = WireReader.Date(f[Key.EndDate]),
            Tags = Tags(f[Key.Tags]),
            Markets = Markets(f[Key.Markets], eventId),
            Raw = cloneRaw ? eventObject.Clone() : eventObject,
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

    private static Tag[] Tags(JsonElement tags) =>
        (WireReader.Array(tags) ?? [])
            .Where(t => t.ValueKind == JsonValueKind.Object)
            .Select(t => (Id: WireReader.Text(t, "id"), Tag: t))
            .Where(t => t.Id is not null)
            .Select(t => new Tag(t.Id!, WireReader.Text(t.Tag, "slug"), WireReader.Text(t.Tag, "label")))
            .ToArray();

    private List<Market> Markets(JsonElement items, EventId eventId)
    {
        var markets = new List<Market>();
        foreach (var marketObject in WireReader.Array(items) ?? [])
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

    /// <summary>The keys read from an event object (see <see cref="WireKeys{TKey}"/>).</summary>
    private enum Key
    {
        Id,
        Slug,
        Title,
        Active,
        Closed,
        Archived,
        EnableOrderBook,
        NegRisk,
        Liquidity,
        Volume,
        Volume24hr,
        StartDate,
        EndDate,
        Tags,
        Markets,
    }
}
