using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>
/// CLOB <c>POST /books</c>, <c>GET /book</c> and <c>GET /prices-history</c>. Books follow the
/// <see cref="ScenarioOptions.ThinBestLevels"/> and <see cref="ScenarioOptions.GhostBooks"/> switches.
/// </summary>
internal sealed class ClobEndpoints(SampleUniverse universe, SampleClock clock, ScenarioOptions scenarios)
{
    /// <summary>Most tokens one <c>POST /books</c> may ask for (the CLOB's limit).</summary>
    public const int MaxBooks = 500;

    private readonly SampleBooks _books = new(universe, scenarios);

    private static readonly Dictionary<string, TimeSpan> Intervals = new(StringComparer.Ordinal)
    {
        ["1h"] = TimeSpan.FromHours(1),
        ["6h"] = TimeSpan.FromHours(6),
        ["1d"] = TimeSpan.FromDays(1),
        ["1w"] = TimeSpan.FromDays(7),
        ["1m"] = TimeSpan.FromDays(30),
    };

    public void Map(IEndpointRouteBuilder app, ReplyPipeline pipeline)
    {
        app.MapPost("/books", pipeline.Handle(SampleRoutes.Books, Api.Clob, BooksAsync));
        app.MapGet("/book", pipeline.Handle(SampleRoutes.Book, Api.Clob, Book));
        app.MapGet("/prices-history", pipeline.Handle(SampleRoutes.PricesHistory, Api.Clob, History));
    }

    private async Task<SampleReply> BooksAsync(HttpContext context)
    {
        var tokens = new List<string>();
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Array)
            {
                return SampleReply.ClobError(400, "Invalid payload");
            }

            if (body.RootElement.GetArrayLength() > MaxBooks)
            {
                return SampleReply.ClobError(400, "Payload exceeds the limit");
            }

            foreach (var item in body.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("token_id", out var token) || token.ValueKind != JsonValueKind.String)
                {
                    return SampleReply.ClobError(400, "Invalid payload");
                }

                tokens.Add(token.GetString()!);
            }
        }
        catch (JsonException)
        {
            return SampleReply.ClobError(400, "Invalid payload");
        }

        var ticks = clock.Now.UtcTicks;
        var snapshots = new Dictionary<long, EventSnapshot?>();
        return SampleReply.JsonBody(200, w =>
        {
            w.WriteStartArray();
            foreach (var token in tokens)
            {
                WriteBook(w, token, ticks, snapshots);
            }

            w.WriteEndArray();
        });
    }

    private SampleReply Book(HttpContext context)
    {
        var token = context.Request.Query["token_id"].ToString();
        if (token.Length == 0 || !token.All(char.IsAsciiDigit))
        {
            return SampleReply.ClobError(400, "Invalid token id");
        }

        var ticks = clock.Now.UtcTicks;
        var snapshot = universe.FindToken(token, ticks, out var index, out var outcome);
        var book = snapshot is null ? null : BookOf(snapshot.Blueprint.Markets[index], snapshot.Markets[index], outcome, ticks);
        return book is null
            ? SampleReply.ClobError(404, "No orderbook exists for the requested token id")
            : SampleReply.JsonBody(200, w => BookWriter.Write(w, book, snapshot!.Blueprint.Markets[index], snapshot.Blueprint.NegRisk, ticks));
    }

    private void WriteBook(Utf8JsonWriter w, string token, long ticks, Dictionary<long, EventSnapshot?> snapshots)
    {
        if (!universe.Ids.TryParseTokenId(token, out var marketId, out var outcome))
        {
            return;
        }

        // YES and NO tokens of one market usually arrive together: build each event once per request.
        if (!snapshots.TryGetValue(marketId / 10, out var snapshot))
        {
            snapshot = universe.FindMarket(marketId, ticks, out _);
            snapshots[marketId / 10] = snapshot;
        }

        var index = (int)(marketId % 10);
        if (snapshot is null || index >= snapshot.Markets.Length)
        {
            return;
        }

        var market = snapshot.Blueprint.Markets[index];
        if (BookOf(market, snapshot.Markets[index], outcome, ticks) is { } book)
        {
            BookWriter.Write(w, book, market, snapshot.Blueprint.NegRisk, ticks);
        }
    }

    /// <summary>The book the CLOB answers for one token now, scenarios applied; null when it has none.</summary>
    private SimBook? BookOf(MarketBlueprint market, MarketState state, int outcome, long ticks) => _books.BookOf(market, state, outcome, ticks);

    private SampleReply History(HttpContext context)
    {
        var query = context.Request.Query;
        var token = query["market"].ToString();
        if (token.Length == 0 || !token.All(char.IsAsciiDigit))
        {
            return SampleReply.ClobError(400, "Invalid token id");
        }

        var interval = query["interval"].ToString();
        var hasRange = query.ContainsKey("startTs") || query.ContainsKey("endTs");
        if (hasRange && interval.Length > 0)
        {
            return SampleReply.ClobError(400, "startTs/endTs and interval are mutually exclusive");
        }

        if (interval.Length > 0 && interval is not ("max" or "all") && !Intervals.ContainsKey(interval))
        {
            return SampleReply.ClobError(400, "Invalid interval: use 1h, 6h, 1d, 1w, 1m or max");
        }

        if (!TryLong(query["fidelity"], 1, out var fidelity) || !TryLong(query["startTs"], 0, out var startTs) || !TryLong(query["endTs"], long.MaxValue / TimeSpan.TicksPerSecond / 2, out var endTs))
        {
            return SampleReply.ClobError(400, "fidelity, startTs and endTs must be whole numbers");
        }

        var now = clock.Now.UtcTicks;
        var snapshot = universe.FindToken(token, now, out var index, out var outcome);
        if (snapshot is null)
        {
            // Like the CLOB, a token it never traded has an empty history rather than an error.
            return SampleReply.JsonBody(200, PriceHistoryWriter.WriteEmpty);
        }

        // As observed upstream: 1w needs fidelity ≥ 5 and 1m ≥ 10 minutes.
        var minFidelity = interval switch { "1w" => 5, "1m" => 10, _ => 1 };
        var (from, to) = hasRange
            ? (DateTimeOffset.UnixEpoch.UtcTicks + (startTs * TimeSpan.TicksPerSecond), Math.Min(now, DateTimeOffset.UnixEpoch.UtcTicks + (endTs * TimeSpan.TicksPerSecond)))
            : (Intervals.TryGetValue(interval, out var span) ? now - span.Ticks : 0, now);
        var minutes = (int)Math.Clamp(Math.Max(fidelity, minFidelity), 1, 525_600);
        return SampleReply.JsonBody(200, w => PriceHistoryWriter.Write(w, snapshot, index, outcome, from, to, minutes));
    }

    private static bool TryLong(Microsoft.Extensions.Primitives.StringValues value, long fallback, out long result)
    {
        result = fallback;
        return value.Count == 0 || long.TryParse(value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }
}
