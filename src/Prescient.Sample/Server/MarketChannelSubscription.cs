using System.Buffers;
using System.Text.Json;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>One frame for a client: UTF-8 JSON, or the non-JSON <c>PONG</c>.</summary>
internal readonly record struct MarketChannelFrame(byte[] Bytes, bool Json);

/// <summary>
/// What one connection is subscribed to and the book it last told the client for each token, so
/// that every <c>price_change</c> turns that book into the one <c>GET /book</c> answers at the
/// message's instant. Thread-safe: the reader and the market loop meet under one lock, and frames
/// go to the sink under it, so one instant's frames are never interleaved with anything else.
/// </summary>
internal sealed class MarketChannelSubscription(MarketChannelEndpoint channel, Action<MarketChannelFrame> enqueue)
{
    private static readonly byte[] PongBytes = "PONG"u8.ToArray();

    private readonly object _gate = new();
    private readonly Dictionary<long, MarketWatch> _markets = [];
    private bool _custom;
    private long _lastTicks;

    /// <summary>Queues PONG; under the lock, so that it marks that every frame of the instants before was queued.</summary>
    public void Pong()
    {
        lock (_gate)
        {
            enqueue(new MarketChannelFrame(PongBytes, Json: false));
        }
    }

    /// <summary>Sends what changed for the subscribed tokens between the last instant sent and <paramref name="tick"/>.</summary>
    public void Update(MarketChannelTick tick)
    {
        lock (_gate)
        {
            if (tick.Ticks < _lastTicks)
            {
                return;
            }

            _lastTicks = tick.Ticks;
            foreach (var watch in _markets.Values)
            {
                UpdateMarket(tick, watch);
            }

            if (_custom)
            {
                foreach (var frame in tick.NewMarkets)
                {
                    enqueue(new MarketChannelFrame(frame, Json: true));
                }
            }
        }
    }

    private void UpdateMarket(MarketChannelTick tick, MarketWatch watch)
    {
        var blueprint = watch.Event;
        var market = blueprint.Markets[watch.Index];
        var state = tick.Event(blueprint).Markets[watch.Index];
        var entries = new List<PriceChangeEntry>();
        var books = new List<MarketChannelFrame>();
        var after = new List<MarketChannelFrame>();
        for (var outcome = 0; outcome < 2; outcome++)
        {
            if (watch.Tokens[outcome] is not { } token)
            {
                continue;
            }

            var tokenId = outcome == 0 ? market.YesTokenId : market.NoTokenId;
            var (book, hash) = tick.Book(blueprint, watch.Index, outcome);
            var diff = BookDiff.Between(tokenId, token.Book, book, hash);
            if (diff.Count > 0)
            {
                if (book is not null && diff.Count > book.Bids.Length + book.Asks.Length)
                {
                    // A whole new book is shorter than the changes: resend it, as the CLOB does after trades.
                    books.Add(Json(w => MarketChannelWriter.WriteBook(w, book, market, hash, tick.Ticks)));
                }
                else
                {
                    entries.AddRange(diff);
                }

                var (bid, ask) = Top(book);
                if (_custom && (bid, ask) != Top(token.Book))
                {
                    after.Add(Json(w => MarketChannelWriter.WriteBestBidAsk(w, market.ConditionId, tokenId, bid, ask, tick.Ticks)));
                }

                token.Book = book;
            }

            var last = outcome == 0 ? state.LastTradePrice : 1 - state.LastTradePrice;
            if (state.HasBook && last != token.LastTrade)
            {
                var buy = last > token.LastTrade;
                var size = 5 + ((decimal)(SampleRandom.Hash((ulong)(uint)channel.Seed, 0x7ade, (ulong)market.Id, (ulong)tick.Ticks, (ulong)outcome) % 49_500) / 100);
                var fee = SampleFees.BaseFeeBps(blueprint.Kind);
                after.Add(Json(w => MarketChannelWriter.WriteLastTradePrice(w, tokenId, market.ConditionId, fee, last, buy, size, tick.Ticks)));
                token.LastTrade = last;
            }
        }

        foreach (var frame in books)
        {
            enqueue(frame);
        }

        if (entries.Count > 0)
        {
            enqueue(Json(w => MarketChannelWriter.WritePriceChange(w, market.ConditionId, entries, tick.Ticks)));
        }

        foreach (var frame in after)
        {
            enqueue(frame);
        }

        if (state.Resolved && !watch.Resolved)
        {
            watch.Resolved = true;
            if (_custom)
            {
                enqueue(Json(w => MarketChannelWriter.WriteMarketResolved(w, market, blueprint.TagSlugs, tick.Ticks)));
            }
        }
    }

    /// <summary>Adds the known tokens (unknown ids are ignored) and, when asked, sends their books as one JSON array.</summary>
    public void Subscribe(IReadOnlyList<string> tokenIds, bool dump, bool? customFeatureEnabled)
    {
        var tick = new MarketChannelTick(channel.Books, channel.Clock.Now.UtcTicks);
        var universe = channel.Books.Universe;
        lock (_gate)
        {
            _custom = customFeatureEnabled ?? _custom;
            _lastTicks = Math.Max(_lastTicks, tick.Ticks);
            var books = new List<(SimBook Book, MarketBlueprint Market, string Hash)>();
            foreach (var tokenId in tokenIds)
            {
                if (!universe.Ids.TryParseTokenId(tokenId, out var marketId, out var outcome) || universe.FindMarket(marketId, tick.Ticks, out var index) is not { } snapshot)
                {
                    continue;
                }

                if (!_markets.TryGetValue(marketId, out var watch))
                {
                    watch = new MarketWatch(snapshot.Blueprint, index) { Resolved = snapshot.Markets[index].Resolved };
                    _markets[marketId] = watch;
                }

                var (book, hash) = tick.Book(snapshot.Blueprint, index, outcome);
                var state = tick.Event(snapshot.Blueprint).Markets[index];
                watch.Tokens[outcome] = new TokenWatch { Book = book, LastTrade = outcome == 0 ? state.LastTradePrice : 1 - state.LastTradePrice };
                if (book is not null)
                {
                    books.Add((book, snapshot.Blueprint.Markets[index], hash));
                }
            }

            if (dump && books.Count > 0)
            {
                enqueue(Json(w =>
                {
                    w.WriteStartArray();
                    foreach (var (book, market, hash) in books)
                    {
                        MarketChannelWriter.WriteBook(w, book, market, hash, tick.Ticks);
                    }

                    w.WriteEndArray();
                }));
            }
        }
    }

    public void Unsubscribe(IReadOnlyList<string> tokenIds)
    {
        var ids = channel.Books.Universe.Ids;
        lock (_gate)
        {
            foreach (var tokenId in tokenIds)
            {
                if (ids.TryParseTokenId(tokenId, out var marketId, out var outcome) && _markets.TryGetValue(marketId, out var watch))
                {
                    watch.Tokens[outcome] = null;
                    if (watch.Tokens[0] is null && watch.Tokens[1] is null)
                    {
                        _markets.Remove(marketId);
                    }
                }
            }
        }
    }

    private static MarketChannelFrame Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return new MarketChannelFrame(buffer.WrittenSpan.ToArray(), Json: true);
    }

    private static (decimal? Bid, decimal? Ask) Top(SimBook? book) =>
        (book is { Bids.Length: > 0 } ? book.Bids[0].Price : null, book is { Asks.Length: > 0 } ? book.Asks[0].Price : null);

    private sealed class MarketWatch(EventBlueprint blueprint, int index)
    {
        public EventBlueprint Event { get; } = blueprint;

        public int Index { get; } = index;

        /// <summary>YES (0) and NO (1); null when that token is not subscribed.</summary>
        public TokenWatch?[] Tokens { get; } = new TokenWatch?[2];

        public bool Resolved { get; set; }
    }

    private sealed class TokenWatch
    {
        /// <summary>The book as the client knows it from this session's frames; null when none.</summary>
        public SimBook? Book { get; set; }

        /// <summary>The last trade price last seen, USDC per share.</summary>
        public decimal LastTrade { get; set; }
    }
}
