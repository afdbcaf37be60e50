using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Backtest.Recorded;

/// <summary>
/// Collects the replies a <see cref="RecordingMarketSource"/> passes on until the use-case that asked
/// for them ends, then hands them out as one <see cref="MarketTapeStep"/>. A token or market asked
/// again within a step keeps its first reply: at one instant the sample market answers the same.
/// </summary>
public sealed class MarketTapeRecorder(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TokenId, TapeBook> _books = [];
    private readonly HashSet<TokenId> _noBook = [];
    private readonly Dictionary<MarketId, TapeLookup> _lookups = [];
    private readonly Dictionary<TokenId, TapeFeeRate> _fees = [];

    internal void Books(BookBatch batch)
    {
        lock (_gate)
        {
            foreach (var token in batch.Tokens)
            {
                if (batch.Books.TryGetValue(token, out var book))
                {
                    _books.TryAdd(token, TapeBook.From(book));
                }
                else if (!_books.ContainsKey(token))
                {
                    _noBook.Add(token);
                }
            }
        }
    }

    internal void Lookup(MarketId market, MarketLookup? lookup)
    {
        lock (_gate)
        {
            _lookups.TryAdd(market, new TapeLookup(market, lookup));
        }
    }

    internal void FeeRate(TokenId token, decimal? bps)
    {
        lock (_gate)
        {
            _fees.TryAdd(token, new TapeFeeRate(token, bps));
        }
    }

    /// <summary>Everything recorded since the last call, as a step at now (ordered by id, so the same run writes the same tape); the recorder starts empty again.</summary>
    public MarketTapeStep Take(MarketTapeStepKind kind, MarketsSnapshot? markets = null, IReadOnlyList<TokenQuote>? quotes = null)
    {
        lock (_gate)
        {
            var step = new MarketTapeStep(time.GetUtcNow(), kind)
            {
                Markets = markets,
                Quotes = quotes ?? [],
                Books = [.. _books.Values.OrderBy(b => b.TokenId.Value, StringComparer.Ordinal)],
                NoBook = [.. _noBook.Where(t => !_books.ContainsKey(t)).OrderBy(t => t.Value, StringComparer.Ordinal)],
                Lookups = [.. _lookups.Values.OrderBy(l => l.MarketId.Value, StringComparer.Ordinal)],
                FeeRates = [.. _fees.Values.OrderBy(f => f.TokenId.Value, StringComparer.Ordinal)],
            };
            _books.Clear();
            _noBook.Clear();
            _lookups.Clear();
            _fees.Clear();
            return step;
        }
    }
}
