using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Clob;

/// <summary>Books as a stream of batches: input order whatever order the replies arrive in, bounded concurrency, early exit.</summary>
public sealed class ClobBooksStreamTests
{
    /// <summary>A safety limit, not synchronisation: a client that never gets there fails the test.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static string Token(int i) => "2" + i.ToString("D76", CultureInfo.InvariantCulture);

    private static string[] Tokens(int count) => Enumerable.Range(0, count).Select(Token).ToArray();

    private static void BooksForEvenTokens(FakePolymarketServer server, IEnumerable<string> tokens)
    {
        foreach (var token in tokens.Where((_, i) => i % 2 == 0))
        {
            server.OrderBooks[token] = FixtureData.LegacyBookFor(token);
        }
    }

    [Fact]
    public async Task GetBooksAsync_FirstBatchAnsweredLast_YieldsBatchesInInputOrderWithinTheBound()
    {
        var tokens = Tokens(10);
        await using var host = await PolymarketTestHost.StartAsync(
            s =>
            {
                BooksForEvenTokens(s, tokens);

                // The first batch is answered only after another batch's reply has gone out.
                s.BooksHold = asked => asked.Contains(tokens[0]) ? s.WhenRepliedAsync(FakePolymarketServer.Books, 1).WaitAsync(Limit) : Task.CompletedTask;
            },
            o =>
            {
                o.BooksBatchSize = 3;
                o.BooksConcurrency = 2;
            });
        var progress = new RecordingProgress<QuoteProgress>();

        var batches = await host.Clob.GetBooksAsync(tokens.Select(TokenId.Create).ToArray(), progress, CancellationToken.None).ToListAsync();

        Assert.Equal(tokens.Chunk(3).Select(c => c.Select(TokenId.Create).ToArray()), batches.Select(b => b.Tokens));
        Assert.All(batches, b => Assert.Equal(b.Tokens.Where((_, i) => tokens.IndexOf(b.Tokens[i].Value) % 2 == 0), b.Books.Keys.Order()));
        Assert.Equal(4, host.Server.Requests(FakePolymarketServer.Books).Count);
        Assert.InRange(host.Server.MaxBooksInFlight, 1, 2); // batch 2 may be answered before batch 1 arrives
        Assert.Equal([3, 6, 9, 10], progress.Reports.Select(r => r.TokensDone));
        Assert.All(progress.Reports, r => Assert.Equal(10, r.TokensTotal));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 2, 3)]
    [InlineData(25, 5, 4)]
    [InlineData(25, 25, 4)]
    public async Task GetBooksAsync_NTokens_PostsCeilingOfNOverBatchNeverAboveTheBound(int count, int batchSize, int concurrency)
    {
        var tokens = Tokens(count);
        await using var host = await PolymarketTestHost.StartAsync(
            s => BooksForEvenTokens(s, tokens),
            o =>
            {
                o.BooksBatchSize = batchSize;
                o.BooksConcurrency = concurrency;
            });

        var batches = await host.Clob.GetBooksAsync(tokens.Select(TokenId.Create).ToArray(), null, CancellationToken.None).ToListAsync();

        var expected = (count + batchSize - 1) / batchSize;
        var posts = host.Server.Requests(FakePolymarketServer.Books);
        Assert.Equal(expected, posts.Count);
        Assert.Equal(expected, batches.Count);
        Assert.Equal(tokens, batches.SelectMany(b => b.Tokens).Select(t => t.Value));
        Assert.Equal(
            tokens.Order(StringComparer.Ordinal),
            posts.SelectMany(p => JsonNode.Parse(p.Body)!.AsArray().Select(t => (string)t!["token_id"]!)).Order(StringComparer.Ordinal));
        Assert.InRange(host.Server.MaxBooksInFlight, 1, concurrency);
        Assert.Equal((count + 1) / 2, batches.Sum(b => b.Books.Count));
    }

    [Fact]
    public async Task GetBooksAsync_StopAfterFirstBatch_StartsNoBatchBeyondTheBound()
    {
        var tokens = Tokens(20);
        await using var host = await PolymarketTestHost.StartAsync(
            s => BooksForEvenTokens(s, tokens),
            o =>
            {
                o.BooksBatchSize = 2;
                o.BooksConcurrency = 3;
            });
        TokenId[] first = [];

        await foreach (var batch in host.Clob.GetBooksAsync(tokens.Select(TokenId.Create).ToArray(), null, CancellationToken.None))
        {
            first = [.. batch.Tokens];
            await host.Server.WhenRequestedAsync(FakePolymarketServer.Books, 3).WaitAsync(Limit);
            break;
        }

        Assert.Equal([TokenId.Create(tokens[0]), TokenId.Create(tokens[1])], first);
        Assert.InRange(host.Server.Requests(FakePolymarketServer.Books).Count, 3, 4);
    }

    [Fact]
    public async Task GetBooksAsync_TokensArriveInChunks_RequestsEachFullBatchBeforeTheTokensEnd()
    {
        var tokens = Tokens(8);
        await using var host = await PolymarketTestHost.StartAsync(
            s => BooksForEvenTokens(s, tokens),
            o =>
            {
                o.BooksBatchSize = 3;
                o.BooksConcurrency = 2;
            });
        var arriving = Channel.CreateUnbounded<IReadOnlyList<TokenId>>();
        var progress = new RecordingProgress<QuoteProgress>();
        var reading = host.Clob.GetBooksAsync(arriving.Reader.ReadAllAsync(), progress, CancellationToken.None).ToListAsync().AsTask();

        // Four tokens make one full batch, asked for while more tokens are still to come.
        await arriving.Writer.WriteAsync(Ids(tokens[..4]));
        await host.Server.WhenRequestedAsync(FakePolymarketServer.Books, 1).WaitAsync(Limit);
        Assert.False(reading.IsCompleted);

        // Duplicates of tokens already asked for are not asked again; the last batch goes out when the tokens end.
        await arriving.Writer.WriteAsync(Ids([tokens[0], .. tokens[4..], tokens[5]]));
        arriving.Writer.Complete();
        var batches = await reading.WaitAsync(Limit);

        Assert.Equal([Ids(tokens[..3]), Ids(tokens[3..6]), Ids(tokens[6..])], batches.Select(b => b.Tokens));
        Assert.Equal(3, host.Server.Requests(FakePolymarketServer.Books).Count);
        Assert.Equal(4, batches.Sum(b => b.Books.Count));
        Assert.Equal([3, 6, 8], progress.Reports.Select(r => r.TokensDone));
        Assert.Equal(8, progress.Reports[^1].TokensTotal);
    }

    [Fact]
    public async Task GetBooksAsync_TokenStreamFails_FailsWithItsErrorAfterTheBatchesRequestedBefore()
    {
        var tokens = Tokens(4);
        await using var host = await PolymarketTestHost.StartAsync(
            s => BooksForEvenTokens(s, tokens),
            o => o.BooksBatchSize = 2);
        var arriving = Channel.CreateUnbounded<IReadOnlyList<TokenId>>();
        var received = new List<BookBatch>();
        var reading = ReadAsync();

        await arriving.Writer.WriteAsync(Ids(tokens[..3]));
        await host.Server.WhenRequestedAsync(FakePolymarketServer.Books, 1).WaitAsync(Limit);
        arriving.Writer.Complete(new MarketDataUnavailableException("discovery failed"));
        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => reading.WaitAsync(Limit));

        Assert.Equal("discovery failed", error.Message);
        Assert.Equal([Ids(tokens[..2])], received.Select(b => b.Tokens));
        Assert.Single(host.Server.Requests(FakePolymarketServer.Books));

        async Task ReadAsync()
        {
            await foreach (var batch in host.Clob.GetBooksAsync(arriving.Reader.ReadAllAsync(), null, CancellationToken.None))
            {
                received.Add(batch);
            }
        }
    }

    private static TokenId[] Ids(IEnumerable<string> tokens) => tokens.Select(TokenId.Create).ToArray();
}
