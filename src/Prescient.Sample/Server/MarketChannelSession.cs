using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Prescient.Sample.Universe;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Server;

/// <summary>
/// One market-channel connection: its subscription, the book it last told the client for each
/// subscribed token (so every <c>price_change</c> turns that book into the one <c>GET /book</c>
/// answers at the message's instant), and one sender that applies the WebSocket faults.
/// </summary>
internal sealed class MarketChannelSession
{
    /// <summary>Longest client message read, bytes; a longer one closes the connection (1009).</summary>
    private const int MaxMessageBytes = 1 << 20;

    private static readonly byte[] Pong = "PONG"u8.ToArray();

    private readonly object _gate = new();
    private readonly Dictionary<long, MarketWatch> _markets = [];
    /// <summary>Frames queued for a client that reads too slowly before its connection is dropped (a whole-universe session gets about 500 a second).</summary>
    private const int MaxQueuedFrames = 100_000;

    private readonly Channel<Frame> _outbox = Channel.CreateBounded<Frame>(new BoundedChannelOptions(MaxQueuedFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly MarketChannelEndpoint _channel;
    private bool _custom;
    private long _lastTicks;
    private long _sent;
    private bool _silent;
    private readonly TaskCompletionSource _drop = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MarketChannelSession(long number, HttpContext context, WebSocket socket, MarketChannelEndpoint channel)
    {
        Number = number;
        _context = context;
        _socket = socket;
        _channel = channel;
    }

    /// <summary>The 0-based order in which the server accepted the connection; keys the malformed-frame draws.</summary>
    public long Number { get; }

    /// <summary>Reads client messages and sends frames until either side ends the connection.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sender = SendAsync(cancellationToken);
        var receiver = ReceiveAsync(cancellationToken);
        try
        {
            var first = await Task.WhenAny(receiver, sender, _drop.Task);
            if (_drop.Task.IsCompleted)
            {
                // Dropped on purpose: returning with the read pending ends the TCP connection gracefully
                // (FIN, with no close frame), so the client still reads every frame sent before.
                Observe(receiver);
                return;
            }

            if (first == sender && sender.IsFaulted)
            {
                // The client cannot be written to: stop reading too rather than queue frames for nobody.
                Observe(receiver);
                _context.Abort();
                await sender;
            }

            await receiver;
        }
        finally
        {
            _outbox.Writer.TryComplete();
        }

        await sender;
    }

    private static void Observe(Task task) =>
        _ = task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Drops the connection without a close handshake; harmless once the connection has ended.</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request ended in the meantime (the server stopping races with the client leaving): nothing left to drop.
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
                    Enqueue(new Frame(frame, Json: true));
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
        var books = new List<Frame>();
        var after = new List<Frame>();
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
                var size = 5 + ((decimal)(SampleRandom.Hash((ulong)(uint)_channel.Seed, 0x7ade, (ulong)market.Id, (ulong)tick.Ticks, (ulong)outcome) % 49_500) / 100);
                var fee = SampleFees.BaseFeeBps(blueprint.Kind);
                after.Add(Json(w => MarketChannelWriter.WriteLastTradePrice(w, tokenId, market.ConditionId, fee, last, buy, size, tick.Ticks)));
                token.LastTrade = last;
            }
        }

        foreach (var frame in books)
        {
            Enqueue(frame);
        }

        if (entries.Count > 0)
        {
            Enqueue(Json(w => MarketChannelWriter.WritePriceChange(w, market.ConditionId, entries, tick.Ticks)));
        }

        foreach (var frame in after)
        {
            Enqueue(frame);
        }

        if (state.Resolved && !watch.Resolved)
        {
            watch.Resolved = true;
            if (_custom)
            {
                Enqueue(Json(w => MarketChannelWriter.WriteMarketResolved(w, market, blueprint.TagSlugs, tick.Ticks)));
            }
        }
    }

    /// <summary>Adds the known tokens (unknown ids are ignored) and, when asked, sends their books as one JSON array.</summary>
    private void Subscribe(IReadOnlyList<string> tokenIds, bool dump)
    {
        var tick = new MarketChannelTick(_channel.Books, _channel.Clock.Now.UtcTicks);
        var universe = _channel.Books.Universe;
        lock (_gate)
        {
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
                Enqueue(Json(w =>
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

    private void Unsubscribe(IReadOnlyList<string> tokenIds)
    {
        var ids = _channel.Books.Universe.Ids;
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

    private void Handle(ReadOnlySpan<byte> message)
    {
        if (message.SequenceEqual("PING"u8))
        {
            // Under the lock: a PONG never lands in the middle of one instant's frames, so it marks that all of them were sent.
            lock (_gate)
            {
                Enqueue(new Frame(Pong, Json: false));
            }

            return;
        }

        if (MarketChannelRequest.Parse(message) is not { } request)
        {
            // The live channel ignores what it cannot read; so does the sample.
            return;
        }

        if (!request.Unsubscribe && request.CustomFeatureEnabled is { } custom)
        {
            lock (_gate)
            {
                _custom = custom;
            }
        }

        if (request.Unsubscribe)
        {
            Unsubscribe(request.AssetIds);
        }
        else
        {
            Subscribe(request.AssetIds, request.InitialDump);
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                _outbox.Writer.TryComplete();
                return;
            }

            if (result.EndOfMessage)
            {
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    Handle(buffer.WrittenSpan);
                }

                buffer.ResetWrittenCount();
            }
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        var faults = _channel.Faults;
        await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellationToken))
        {
            if (_silent)
            {
                continue;
            }

            var bytes = frame.Bytes;
            if (frame.Json && IsMalformed(faults.WsMalformedRate, _sent))
            {
                _channel.Stats.CountFault(SampleFaultKind.WsMalformed);
                bytes = bytes[..(bytes.Length / 2)];
            }

            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            _sent++;
            _channel.Stats.CountMarketChannelMessage();
            if (faults.WsDropAfter > 0 && _sent >= faults.WsDropAfter)
            {
                _channel.Stats.CountFault(SampleFaultKind.WsDrop);
                _outbox.Writer.TryComplete();
                _drop.TrySetResult();
                return;
            }

            if (faults.WsSilentAfter > 0 && _sent >= faults.WsSilentAfter)
            {
                _channel.Stats.CountFault(SampleFaultKind.WsSilent);
                _silent = true;
            }
        }

        if (_silent)
        {
            // Silent to the end: no close frame either; the client finds out by itself.
            _context.Abort();
        }
        else if (_socket.State == WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
        else if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too long", cancellationToken);
        }
    }

    /// <summary>Whether frame <paramref name="n"/> (0-based) of this connection is cut short: a draw keyed by the seed, the connection number and n.</summary>
    private bool IsMalformed(double rate, long n) =>
        rate > 0 && (SampleRandom.Hash((ulong)(uint)_channel.Seed, 0x3a1f, (ulong)Number, (ulong)n) >> 11) * (1.0 / (1UL << 53)) < rate;

    private void Enqueue(Frame frame)
    {
        if (!_outbox.Writer.TryWrite(frame) && !_outbox.Reader.Completion.IsCompleted)
        {
            // The client is far behind: drop it, as a real server does, rather than queue without bound.
            Abort();
        }
    }

    private static Frame Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return new Frame(buffer.WrittenSpan.ToArray(), Json: true);
    }

    private static (decimal? Bid, decimal? Ask) Top(SimBook? book) =>
        (book is { Bids.Length: > 0 } ? book.Bids[0].Price : null, book is { Asks.Length: > 0 } ? book.Asks[0].Price : null);

    private readonly record struct Frame(byte[] Bytes, bool Json);

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
