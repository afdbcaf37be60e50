using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Prescient.Polymarket.Tests.Server;

/// <summary>The normal answers of the fake server, in Polymarket's envelopes.</summary>
internal sealed partial class FakePolymarketServer
{
    private const string NoBook = """{"error":"No orderbook exists for the requested token id"}""";

    private int _endlessCursor;

    private ValueTask<Reply> KeysetPage(HttpContext ctx)
    {
        var limit = int.Parse(ctx.Request.Query["limit"].ToString(), CultureInfo.InvariantCulture);
        var cursor = ctx.Request.Query["after_cursor"].ToString();
        var offset = cursor.StartsWith("offset-", StringComparison.Ordinal)
            ? int.Parse(cursor["offset-".Length..], CultureInfo.InvariantCulture)
            : 0;
        var page = new JsonArray(Events.Skip(offset).Take(limit).Select(e => (JsonNode)e.DeepClone()).ToArray());
        var envelope = new JsonObject { ["events"] = page };
        var next = Cursors switch
        {
            CursorMode.Repeating => "same-cursor",
            CursorMode.Endless => "endless-" + Interlocked.Increment(ref _endlessCursor).ToString(CultureInfo.InvariantCulture),
            _ => offset + limit < Events.Count ? "offset-" + (offset + limit).ToString(CultureInfo.InvariantCulture) : null,
        };
        if (next is not null)
        {
            envelope["next_cursor"] = next;
        }

        return ValueTask.FromResult(new Reply(200, envelope.ToJsonString()));
    }

    private ValueTask<Reply> ById(Dictionary<string, JsonObject> items, HttpContext ctx)
    {
        var id = (string)ctx.Request.RouteValues["id"]!;
        return ValueTask.FromResult(items.TryGetValue(id, out var item)
            ? new Reply(200, item.ToJsonString())
            : new Reply(404, """{"type":"not found","error":"id not found"}"""));
    }

    private async ValueTask<Reply> BooksReplyAsync(HttpContext ctx)
    {
        var inFlight = Interlocked.Increment(ref _booksInFlight);
        try
        {
            int seen;
            while ((seen = Volatile.Read(ref _maxBooksInFlight)) < inFlight
                   && Interlocked.CompareExchange(ref _maxBooksInFlight, inFlight, seen) != seen)
            {
            }

            if (BooksGateAt is { } gate)
            {
                if (inFlight >= gate)
                {
                    BooksGate.TrySetResult();
                }

                // A safety limit, not synchronisation: a client that never reaches the bound fails the assertion.
                await BooksGate.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var request = JsonNode.Parse((string)ctx.Items["body"]!)!.AsArray().Select(item => (string)item!["token_id"]!).ToArray();
            if (BooksHold is { } hold)
            {
                await hold(request);
            }

            var books = request
                .Where(OrderBooks.ContainsKey)
                .Select(token => (JsonNode)OrderBooks[token].DeepClone())
                .ToArray();
            return new Reply(200, new JsonArray(books).ToJsonString());
        }
        finally
        {
            Interlocked.Decrement(ref _booksInFlight);
        }
    }

    private ValueTask<Reply> SingleBook(HttpContext ctx) =>
        ValueTask.FromResult(OrderBooks.TryGetValue(ctx.Request.Query["token_id"].ToString(), out var book)
            ? new Reply(200, book.ToJsonString())
            : new Reply(404, NoBook));

    private ValueTask<Reply> PriceHistory(HttpContext ctx) =>
        ValueTask.FromResult(new Reply(
            200,
            PriceHistories.TryGetValue(ctx.Request.Query["market"].ToString(), out var history) ? history : """{"history":[]}"""));

    private ValueTask<Reply> FeeRateReply(HttpContext ctx) =>
        ValueTask.FromResult(FeeRates.TryGetValue(ctx.Request.Query["token_id"].ToString(), out var body)
            ? new Reply(200, body)
            : new Reply(404, """{"error":"market not found"}"""));
}
