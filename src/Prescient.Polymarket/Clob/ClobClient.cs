using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Http;

namespace Prescient.Polymarket.Clob;

/// <summary>
/// Typed client of the CLOB's public market data: order books (batched <c>POST /books</c>, or one
/// <c>GET /book</c>), market details with resolution winners, base fees, and price history. Failures left
/// after retries surface as <see cref="MarketDataUnavailableException"/>.
/// </summary>
public sealed class ClobClient
{
    private const string Api = "CLOB";

    private readonly HttpClient _http;
    private readonly PolymarketOptions _options;
    private readonly ILogger<ClobClient> _logger;

    public ClobClient(HttpClient http, IOptions<PolymarketOptions> options, ILogger<ClobClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Books for the given tokens (duplicates asked once), as one <see cref="BookBatch"/> per
    /// <c>POST /books</c> of <see cref="PolymarketOptions.BooksBatchSize"/> tokens, yielded in the
    /// order of <paramref name="tokens"/>. Up to <see cref="PolymarketOptions.BooksConcurrency"/>
    /// batches are requested at once, ahead of the caller; leaving the loop early cancels them. A
    /// token of a batch absent from the reply, or whose book is malformed (logged), is missing from
    /// that batch's books. The first failed batch, in token order, ends the stream.
    /// </summary>
    public IAsyncEnumerable<BookBatch> GetBooksAsync(
        IReadOnlyList<TokenId> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return GetBooksAsync(new[] { tokens }.ToAsyncEnumerable(), progress, cancellationToken);
    }

    /// <summary>
    /// As the list overload, for tokens that become known over time (a refresh finds them page by
    /// page of discovery): a batch is requested as soon as <see cref="PolymarketOptions.BooksBatchSize"/>
    /// new tokens are waiting, and the last, smaller one when <paramref name="tokens"/> ends. The
    /// progress total is the number of distinct tokens seen so far. If <paramref name="tokens"/>
    /// fails, the stream fails after the batches requested before.
    /// </summary>
    public IAsyncEnumerable<BookBatch> GetBooksAsync(
        IAsyncEnumerable<IReadOnlyList<TokenId>> tokens,
        IProgress<QuoteProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return StreamBooksAsync(tokens, progress, cancellationToken);
    }

    /// <summary>One book (<c>GET /book</c>), or null when the CLOB has none (404: unknown token, closed market, no book yet).</summary>
    public async Task<OrderBook?> GetBookAsync(TokenId token, CancellationToken cancellationToken)
    {
        var body = await GetAsync("book?token_id=" + Uri.EscapeDataString(token.Value), PolymarketEndpoint.ClobBook, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var result = body is JsonObject obj ? ClobBookParser.Parse(obj) : Wire.ParseResult.Failure<OrderBook>("not a JSON object");
        return result.Value ?? throw PolymarketTransport.UnexpectedShape(_http, Api, $"/book for {token}: {result.Error}");
    }

    /// <summary>The CLOB's view of a market (<c>GET /markets/{condition_id}</c>), or null when unknown.</summary>
    public async Task<ClobMarketInfo?> GetMarketAsync(ConditionId conditionId, CancellationToken cancellationToken)
    {
        var body = await GetAsync("markets/" + Uri.EscapeDataString(conditionId.Value), PolymarketEndpoint.Other, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var result = body is JsonObject obj ? ClobMarketParser.Parse(obj) : Wire.ParseResult.Failure<ClobMarketInfo>("not a JSON object");
        return result.Value ?? throw PolymarketTransport.UnexpectedShape(_http, Api, $"/markets/{conditionId}: {result.Error}");
    }

    /// <summary>
    /// The base fee of one token in basis points (<c>GET /fee-rate?token_id=</c>, <c>{"base_fee":30}</c>
    /// per the docs, a string <c>"150"</c> as recorded: both accepted), or null when the CLOB has
    /// none (404). A reply without a usable, non-negative <c>base_fee</c> throws
    /// <see cref="MarketDataUnavailableException"/>, as does a failure left after retries.
    /// </summary>
    public async Task<decimal?> GetFeeRateAsync(TokenId token, CancellationToken cancellationToken)
    {
        var body = await GetAsync("fee-rate?token_id=" + Uri.EscapeDataString(token.Value), PolymarketEndpoint.Other, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var bps = body is JsonObject obj ? Wire.WireReader.Decimal(obj, "base_fee") : null;
        return bps is >= 0m ? bps : throw PolymarketTransport.UnexpectedShape(_http, Api, $"/fee-rate for {token}: no base_fee of 0 or more in basis points");
    }

    /// <summary>The price history of one token (<c>GET /prices-history</c>), oldest first; empty when the CLOB has none.</summary>
    public async Task<IReadOnlyList<PricePoint>> GetPriceHistoryAsync(
        TokenId token,
        PriceHistoryQuery query,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "prices-history?market=" + Uri.EscapeDataString(token.Value) + query.ToQueryString();
        var body = await GetAsync(path, PolymarketEndpoint.ClobPriceHistory, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return [];
        }

        var result = body is JsonObject obj
            ? PriceHistoryParser.Parse(obj)
            : Wire.ParseResult.Failure<IReadOnlyList<PricePoint>>("not a JSON object");
        return result.Value ?? throw PolymarketTransport.UnexpectedShape(_http, Api, $"/prices-history for {token}: {result.Error}");
    }

    private async IAsyncEnumerable<BookBatch> StreamBooksAsync(
        IAsyncEnumerable<IReadOnlyList<TokenId>> tokens,
        IProgress<QuoteProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Requests in token order; a slot is taken per request and given back when the caller takes its batch.
        var requested = Channel.CreateUnbounded<Task<BookBatch>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var slots = new SemaphoreSlim(_options.BooksConcurrency);
        using var requests = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var seen = new StrongBox<int>();
        var feeding = FeedBatchesAsync(tokens, seen, slots, requested.Writer, requests.Token);
        var batches = 0;
        var done = 0;
        var found = 0;
        try
        {
            await foreach (var request in requested.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var batch = await request.ConfigureAwait(false);

                // The slot goes back before yielding, so the next request runs while the caller works on this batch.
                slots.Release();
                batches++;
                done += batch.Tokens.Count;
                found += batch.Books.Count;
                progress?.Report(new QuoteProgress(done, Volatile.Read(ref seen.Value)));
                yield return batch;
            }

            ClobLog.BooksFetched(_logger, found, done, batches);
        }
        finally
        {
            await requests.CancelAsync().ConfigureAwait(false);
            await feeding.ConfigureAwait(false);
            var abandoned = new List<Task>();
            while (requested.Reader.TryRead(out var request))
            {
                abandoned.Add(request);
            }

            await AbandonedRequests.DrainAsync(requests, abandoned).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads <paramref name="tokens"/>, leaves out the ones seen before, and requests them in
    /// batches, each once a slot is free; then completes <paramref name="requested"/>, with the
    /// failure that stopped it if any (never throws).
    /// </summary>
    private async Task FeedBatchesAsync(
        IAsyncEnumerable<IReadOnlyList<TokenId>> tokens,
        StrongBox<int> seenCount,
        SemaphoreSlim slots,
        ChannelWriter<Task<BookBatch>> requested,
        CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var size = _options.BooksBatchSize;
            var seen = new HashSet<TokenId>();
            var waiting = new List<TokenId>(size);
            await foreach (var chunk in tokens.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var token in chunk)
                {
                    if (seen.Add(token))
                    {
                        waiting.Add(token);
                    }
                }

                Volatile.Write(ref seenCount.Value, seen.Count);
                while (waiting.Count >= size)
                {
                    await RequestAsync(waiting.GetRange(0, size).ToArray()).ConfigureAwait(false);
                    waiting.RemoveRange(0, size);
                }
            }

            if (waiting.Count > 0)
            {
                await RequestAsync([.. waiting]).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        requested.TryComplete(failure);

        async Task RequestAsync(TokenId[] batch)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            requested.TryWrite(PostBooksAsync(batch, cancellationToken));
        }
    }

    private async Task<BookBatch> PostBooksAsync(TokenId[] batch, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(BooksRequestBody(batch));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("books", UriKind.Relative)) { Content = content }
            .WithEndpoint(PolymarketEndpoint.ClobBooks);
        using var body = await PolymarketTransport.SendDocumentAsync(_http, request, Api, notFoundIsNull: false, cancellationToken)
            .ConfigureAwait(false);
        if (body?.RootElement is not { ValueKind: JsonValueKind.Array } array)
        {
            throw PolymarketTransport.UnexpectedShape(_http, Api, "POST /books did not return a JSON array");
        }

        var asked = batch.ToHashSet();
        var books = new Dictionary<TokenId, OrderBook>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            var result = ClobBookParser.Parse(element);
            if (result.Value is { } book)
            {
                if (asked.Contains(book.TokenId))
                {
                    books[book.TokenId] = book;
                }
            }
            else
            {
                ClobLog.BookSkipped(_logger, result.Error!);
            }
        }

        return new BookBatch(batch, books);
    }

    /// <summary><c>[{"token_id":"…"}, …]</c>: token ids stay strings.</summary>
    private static byte[] BooksRequestBody(TokenId[] batch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var token in batch)
            {
                writer.WriteStartObject();
                writer.WriteString("token_id", token.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private async Task<JsonNode?> GetAsync(string path, PolymarketEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)).WithEndpoint(endpoint);
        return await PolymarketTransport.SendAsync(_http, request, Api, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
    }
}
