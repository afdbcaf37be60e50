using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Polymarket.Tests.Server;

/// <summary>Collects the streams of the market source for tests that look at the whole result.</summary>
internal static class Streams
{
    /// <summary>Every event of every page, in order.</summary>
    public static async Task<IReadOnlyList<MarketEvent>> AllEventsAsync(this IAsyncEnumerable<IReadOnlyList<MarketEvent>> pages)
    {
        var all = new List<MarketEvent>();
        await foreach (var page in pages)
        {
            all.AddRange(page);
        }

        return all;
    }

    /// <summary>Every book of every batch; a token appearing twice fails the test.</summary>
    public static async Task<IReadOnlyDictionary<TokenId, OrderBook>> AllBooksAsync(this IAsyncEnumerable<BookBatch> batches)
    {
        var all = new Dictionary<TokenId, OrderBook>();
        await foreach (var batch in batches)
        {
            foreach (var (token, book) in batch.Books)
            {
                all.Add(token, book);
            }
        }

        return all;
    }
}
