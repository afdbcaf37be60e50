using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prescient.Polymarket.Tests.Server;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) answering like Gamma (under /gamma) and the CLOB
/// (under /clob) from recorded fixture bodies, in Polymarket's envelopes. Faults are scripted per
/// route and played one per request; every request is recorded for assertions on counts and queries.
/// </summary>
internal sealed partial class FakePolymarketServer : IAsyncDisposable
{
    public const string Keyset = "keyset";
    public const string Event = "event";
    public const string Market = "market";
    public const string Books = "books";
    public const string Book = "book";
    public const string ClobMarket = "clob-market";
    public const string History = "history";
    public const string FeeRate = "fee-rate";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly RouteCounter _received = new();
    private readonly RouteCounter _replied = new();
    private int _booksInFlight;
    private int _maxBooksInFlight;

    private FakePolymarketServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Uri GammaUrl => new(BaseUrl, "gamma");

    public Uri ClobUrl => new(BaseUrl, "clob/");

    /// <summary>Events served by <c>/events/keyset</c> in this order, and by <c>/events/{id}</c>.</summary>
    public List<JsonObject> Events { get; } = [];

    public CursorMode Cursors { get; set; } = CursorMode.Normal;

    public Dictionary<string, JsonObject> GammaMarkets { get; } = [];

    /// <summary>Books by token id, for <c>/book</c> and <c>/books</c>; a token not here has no book.</summary>
    public Dictionary<string, JsonObject> OrderBooks { get; } = [];

    public Dictionary<string, JsonObject> ClobMarkets { get; } = [];

    public Dictionary<string, string> PriceHistories { get; } = [];

    /// <summary><c>/fee-rate</c> bodies by token id (e.g. <c>{"base_fee":30}</c>); a token not here is a 404.</summary>
    public Dictionary<string, string> FeeRates { get; } = [];

    /// <summary>When set, each <c>/books</c> request waits until this many are in flight at once (or 10 s pass).</summary>
    public int? BooksGateAt { get; set; }

    private TaskCompletionSource BooksGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, each <c>/books</c> request awaits this (given its token ids) before it is answered.</summary>
    public Func<IReadOnlyList<string>, Task>? BooksHold { get; set; }

    /// <summary>The most <c>/books</c> requests the server was handling at the same moment.</summary>
    public int MaxBooksInFlight => Volatile.Read(ref _maxBooksInFlight);

    public static async Task<FakePolymarketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var holder = new TaskCompletionSource<FakePolymarketServer>();
        Map(app, holder.Task);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var server = new FakePolymarketServer(app, new Uri(address.TrimEnd('/') + "/"));
        holder.SetResult(server);
        return server;
    }

    /// <summary>Plays these faults, in order, on the next requests to <paramref name="route"/>.</summary>
    public void Enqueue(string route, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(route, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Completes once the server has received <paramref name="count"/> requests to <paramref name="route"/>.</summary>
    public Task WhenRequestedAsync(string route, int count) => _received.WhenAsync(route, count);

    /// <summary>Completes once the server has sent <paramref name="count"/> complete normal replies on <paramref name="route"/>.</summary>
    public Task WhenRepliedAsync(string route, int count) => _replied.WhenAsync(route, count);

    public IReadOnlyList<RecordedRequest> Requests(string route) => _requests.Where(r => r.Route == route).ToArray();

    public async ValueTask DisposeAsync()
    {
        BooksGate.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, Task<FakePolymarketServer> server)
    {
        app.MapGet("/gamma/events/keyset", ctx => Serve(server, ctx, Keyset, s => s.KeysetPage(ctx)));
        app.MapGet("/gamma/events/{id}", ctx => Serve(server, ctx, Event, s => s.ById(s.Events.Where(e => e["id"] is not null).ToDictionary(e => (string)e["id"]!), ctx)));
        app.MapGet("/gamma/markets/{id}", ctx => Serve(server, ctx, Market, s => s.ById(s.GammaMarkets, ctx)));
        app.MapPost("/clob/books", ctx => Serve(server, ctx, Books, s => s.BooksReplyAsync(ctx)));
        app.MapGet("/clob/book", ctx => Serve(server, ctx, Book, s => s.SingleBook(ctx)));
        app.MapGet("/clob/markets/{id}", ctx => Serve(server, ctx, ClobMarket, s => s.ById(s.ClobMarkets, ctx)));
        app.MapGet("/clob/prices-history", ctx => Serve(server, ctx, History, s => s.PriceHistory(ctx)));
        app.MapGet("/clob/fee-rate", ctx => Serve(server, ctx, FeeRate, s => s.FeeRateReply(ctx)));
    }

    private static async Task Serve(
        Task<FakePolymarketServer> serverTask,
        HttpContext ctx,
        string route,
        Func<FakePolymarketServer, ValueTask<Reply>> answer)
    {
        var server = await serverTask;
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        server._requests.Enqueue(new RecordedRequest(
            route,
            ctx.Request.Method,
            ctx.Request.Path + ctx.Request.QueryString,
            ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            body,
            ctx.Request.Headers.UserAgent.ToString(),
            ctx.Request.Headers.Accept.ToString()));
        ctx.Items["body"] = body;
        server._received.Increment(route);

        var fault = server._faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var next) ? next : null;
        switch (fault)
        {
            case Fault.Status status:
                ctx.Response.StatusCode = status.Code;
                ctx.Response.ContentType = status.ContentType;
                if (status.RetryAfter is not null)
                {
                    ctx.Response.Headers.RetryAfter = status.RetryAfter;
                }

                await ctx.Response.WriteAsync(status.Body);
                return;
            case Fault.Hang:
                await WaitForAbortAsync(ctx);
                return;
        }

        var reply = await answer(server);
        var bytes = Encoding.UTF8.GetBytes(reply.Json);
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.ContentType = "application/json";
        switch (fault)
        {
            case Fault.TruncatedJson:
                ctx.Response.ContentLength = bytes.Length / 2;
                await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                break;
            case Fault.DroppedConnection:
                ctx.Response.ContentLength = bytes.Length;
                await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                break;
            case Fault.StalledBody:
                ctx.Response.ContentLength = bytes.Length;
                await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await ctx.Response.Body.FlushAsync();
                await WaitForAbortAsync(ctx);
                break;
            default:
                ctx.Response.ContentLength = bytes.Length;
                await ctx.Response.Body.WriteAsync(bytes);
                await ctx.Response.CompleteAsync();
                server._replied.Increment(route);
                break;
        }
    }

    private static async Task WaitForAbortAsync(HttpContext ctx)
    {
        try
        {
            await new TaskCompletionSource().Task.WaitAsync(ctx.RequestAborted); // hang until the client gives up
        }
        catch (OperationCanceledException)
        {
            // The client gave up on the request, which is what this fault waits for.
        }
    }

    private readonly record struct Reply(int Status, string Json);
}

/// <summary>How <c>/events/keyset</c> hands out cursors.</summary>
internal enum CursorMode
{
    /// <summary>Pages through <see cref="FakePolymarketServer.Events"/>; no cursor on the last page.</summary>
    Normal,

    /// <summary>Always answers with the same next cursor (a broken upstream).</summary>
    Repeating,

    /// <summary>Always answers with a new next cursor (an endless walk).</summary>
    Endless,
}

internal sealed record RecordedRequest(
    string Route,
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Query,
    string Body,
    string UserAgent,
    string Accept);
