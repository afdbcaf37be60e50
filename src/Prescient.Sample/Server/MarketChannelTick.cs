using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>
/// The universe at one simulated instant, as the market channel reads it: each event and each book
/// is computed once per instant whatever the number of sessions. Not thread-safe: one per tick.
/// </summary>
internal sealed class MarketChannelTick(SampleBooks books, long ticks)
{
    private readonly Dictionary<long, EventSnapshot> _events = [];
    private readonly Dictionary<string, (SimBook? Book, string Hash)> _books = new(StringComparer.Ordinal);

    /// <summary>The instant, UTC ticks.</summary>
    public long Ticks { get; } = ticks;

    public SampleBooks Books { get; } = books;

    /// <summary>One <c>new_market</c> frame (UTF-8 JSON) per market of the events that opened since the previous tick; sent to the sessions with custom features.</summary>
    public List<byte[]> NewMarkets { get; } = [];

    public EventSnapshot Event(EventBlueprint blueprint)
    {
        if (!_events.TryGetValue(blueprint.Id, out var snapshot))
        {
            snapshot = new EventSnapshot(blueprint, Ticks);
            _events[blueprint.Id] = snapshot;
        }

        return snapshot;
    }

    /// <summary>The book <c>GET /book</c> answers for the token at this instant (null when none) and its hash ("" when none).</summary>
    public (SimBook? Book, string Hash) Book(EventBlueprint blueprint, int index, int outcome)
    {
        var market = blueprint.Markets[index];
        var token = outcome == 0 ? market.YesTokenId : market.NoTokenId;
        if (!_books.TryGetValue(token, out var result))
        {
            var book = Books.BookOf(market, Event(blueprint).Markets[index], outcome, Ticks);
            result = (book, book is null ? "" : BookWriter.Hash(book, market, blueprint.NegRisk, Ticks));
            _books[token] = result;
        }

        return result;
    }
}
