using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Http;
using Prescient.Polymarket.Wire;
using EventId = Prescient.Domain.Ids.EventId;

namespace Prescient.Polymarket.Gamma;

/// <summary>
/// Typed client of the Gamma API (events and markets). Discovery walks <c>/events/keyset</c> with
/// the open-event filters re-sent on every page and never uses offset paging. Failures left after
/// retries surface as <see cref="MarketDataUnavailableException"/>.
/// </summary>
public sealed class GammaClient
{
    private const string Api = "Gamma";

    private readonly HttpClient _http;
    private readonly PolymarketOptions _options;
    private readonly GammaEventParser _parser;
    private readonly ILogger<GammaClient> _logger;

    public GammaClient(HttpClient http, IOptions<PolymarketOptions> options, GammaEventParser parser, ILogger<GammaClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options.Value;
        _parser = parser ?? throw new ArgumentNullException(nameof(parser));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Every open event (<c>active=true&amp;closed=false&amp;archived=false</c>), one page at a time
    /// in the order Gamma returns them. A page is parsed as soon as it arrives, while the caller still
    /// works on the page before; the next page is requested as soon as the caller asks for this one,
    /// without waiting for its parsing. So the walk stays one page ahead of the caller, and leaving
    /// the loop early cancels that request. An event already yielded on an earlier page is logged and
    /// left out, events without an id are skipped, logged and counted, and a page left with no events
    /// is not yielded. Stops when <c>next_cursor</c> is absent or empty; a cursor seen before, or more
    /// than <see cref="PolymarketOptions.MaxPages"/> pages, is an error raised after the pages before it.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<MarketEvent>> GetOpenEventsAsync(
        IProgress<DiscoveryProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = new HashSet<EventId>();
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        var events = 0;
        var skipped = 0;
        using var requests = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = GetEventsPageAsync(null, 1, requests.Token);
        try
        {
            while (pending is not null)
            {
                var current = pending;
                pending = null;
                var (parsing, next) = await current.ConfigureAwait(false);
                pages++;
                pending = NextPage(next, pages, cursors, requests.Token);
                var (parsed, pageSkipped) = await parsing.ConfigureAwait(false);
                var page = new List<MarketEvent>(parsed.Count);
                foreach (var parsedEvent in parsed)
                {
                    if (ids.Add(parsedEvent.Id))
                    {
                        page.Add(parsedEvent);
                    }
                    else
                    {
                        GammaLog.DuplicateEvent(_logger, parsedEvent.Id.Value, pages);
                    }
                }

                events += page.Count;
                skipped += pageSkipped;
                progress?.Report(new DiscoveryProgress(pages, events));
                if (page.Count > 0)
                {
                    yield return page;
                }
            }

            GammaLog.DiscoveryCompleted(_logger, events, pages, skipped);
        }
        finally
        {
            await AbandonedRequests.DrainAsync(requests, pending is null ? [] : [pending]).ConfigureAwait(false);
        }
    }

    /// <summary>One event by id (<c>/events/{id}</c>), or null when Gamma has no such event.</summary>
    public async Task<MarketEvent?> GetEventAsync(EventId id, CancellationToken cancellationToken)
    {
        using var body = await GetAsync($"events/{Uri.EscapeDataString(id.Value)}", PolymarketEndpoint.GammaEvents, notFoundIsNull: true, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var result = body.RootElement.ValueKind == JsonValueKind.Object ? _parser.Parse(body.RootElement) : ParseResultOfNonObject<MarketEvent>();
        return result.Value ?? throw PolymarketTransport.UnexpectedShape(_http, Api, $"/events/{id}: {result.Error}");
    }

    /// <summary>One market by id (<c>/markets/{id}</c>), or null when Gamma has no such market.</summary>
    public Task<Market?> GetMarketAsync(MarketId id, CancellationToken cancellationToken) =>
        GetMarketAsync(id, null, cancellationToken);

    /// <summary>
    /// One market by id. Gamma normally nests the parent event in the market; when it does not,
    /// <paramref name="eventId"/> is used as the parent, and without either the reply is unusable.
    /// </summary>
    public async Task<Market?> GetMarketAsync(MarketId id, EventId? eventId, CancellationToken cancellationToken)
    {
        using var body = await GetAsync($"markets/{Uri.EscapeDataString(id.Value)}", PolymarketEndpoint.GammaMarkets, notFoundIsNull: true, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var result = body.RootElement.ValueKind == JsonValueKind.Object
            ? GammaMarketParser.Parse(body.RootElement, eventId)
            : ParseResultOfNonObject<Market>();
        return result.Value ?? throw PolymarketTransport.UnexpectedShape(_http, Api, $"/markets/{id}: {result.Error}");
    }

    /// <summary>The request for the page after <paramref name="pages"/>, null after the last page, or the reason to stop as a failed task.</summary>
    private Task<(Task<ParsedPage> Parsing, string? NextCursor)>? NextPage(
        string? next,
        int pages,
        HashSet<string> cursors,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(next))
        {
            return null;
        }

        if (!cursors.Add(next))
        {
            return Task.FromException<(Task<ParsedPage>, string?)>(PolymarketTransport.UnexpectedShape(
                _http, Api, $"/events/keyset returned cursor '{next}' again on page {pages}; discovery stopped to avoid a loop"));
        }

        if (pages >= _options.MaxPages)
        {
            return Task.FromException<(Task<ParsedPage>, string?)>(PolymarketTransport.UnexpectedShape(
                _http, Api, $"/events/keyset still had more pages after {pages} (Polymarket:MaxPages); discovery stopped"));
        }

        return GetEventsPageAsync(next, pages + 1, cancellationToken);
    }

    /// <summary>
    /// The events of one page (duplicates of earlier pages included) and how many were skipped.
    /// The page's document is never disposed: each event's Raw points into it and keeps it alive
    /// as long as the event is kept, and its pooled metadata then goes to the GC instead of back
    /// to the pool. Cloning the page, or each event, would copy every byte of it once more.
    /// </summary>
    private ParsedPage ParsePage(JsonDocument document, int page)
    {
        var items = document.RootElement.GetProperty("events");
        var events = new List<MarketEvent>(items.GetArrayLength());
        var skipped = 0;
        foreach (var item in items.EnumerateArray())
        {
            var result = item.ValueKind == JsonValueKind.Object ? _parser.Parse(item, cloneRaw: false) : ParseResultOfNonObject<MarketEvent>();
            if (result.Value is not { } parsed)
            {
                skipped++;
                GammaLog.EventSkipped(_logger, page, result.Error!);
            }
            else
            {
                events.Add(parsed);
            }
        }

        return new ParsedPage(events, skipped);
    }

    /// <summary>
    /// Fetches page number <paramref name="page"/> (1-based, for the logs) and starts parsing it on
    /// the thread pool: the cursor is known once the body is, and the parsing need not hold up the
    /// request for the next page.
    /// </summary>
    private async Task<(Task<ParsedPage> Parsing, string? NextCursor)> GetEventsPageAsync(
        string? cursor,
        int page,
        CancellationToken cancellationToken)
    {
        var path = string.Create(
            CultureInfo.InvariantCulture,
            $"events/keyset?limit={_options.EventsPageSize}&active=true&closed=false&archived=false");
        if (cursor is not null)
        {
            path += "&after_cursor=" + Uri.EscapeDataString(cursor);
        }

        var body = (await GetAsync(path, PolymarketEndpoint.GammaEvents, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
        if (WireReader.Property(body.RootElement, "events") is not { ValueKind: JsonValueKind.Array })
        {
            body.Dispose();
            throw PolymarketTransport.UnexpectedShape(_http, Api, "/events/keyset did not return {\"events\":[…]}");
        }

        var next = WireReader.Text(body.RootElement, "next_cursor");
        return (Task.Run(() => ParsePage(body, page), CancellationToken.None), next);
    }

    private async Task<JsonDocument?> GetAsync(
        string path,
        PolymarketEndpoint endpoint,
        bool notFoundIsNull,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)).WithEndpoint(endpoint);
        return await PolymarketTransport.SendDocumentAsync(_http, request, Api, notFoundIsNull, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The events of one page (duplicates of earlier pages included) and how many were skipped.</summary>
    private readonly record struct ParsedPage(List<MarketEvent> Events, int Skipped);

    private static ParseResult<T> ParseResultOfNonObject<T>()
        where T : class => ParseResult.Failure<T>("the reply is not a JSON object");
}
