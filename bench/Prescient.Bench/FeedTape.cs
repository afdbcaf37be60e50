using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Prescient.Bench;

/// <summary>
/// A long tape of <c>price_change</c> frames in the recorded 2026 shape (key order, strings for
/// numbers, two mirrored changes per frame: YES at p on one side, NO at 1 − p on the other), made
/// from the recorded initial dump by a seeded random walk near each book's top. The generator keeps
/// its own books (sorted dictionaries), so each change carries the true <c>best_bid</c>/<c>best_ask</c>
/// after it, and the feed's top check must find no mismatch.
/// </summary>
internal sealed class FeedTape
{
    private readonly Dictionary<string, (SortedDictionary<decimal, decimal> Bids, SortedDictionary<decimal, decimal> Asks, decimal Tick)> _books = [];

    private FeedTape(byte[] dump) => Dump = dump;

    /// <summary>The recorded initial dump (24 books), the state every pass starts from.</summary>
    public byte[] Dump { get; }

    public List<byte[]> Frames { get; } = [];

    public int Changes { get; private set; }

    public static FeedTape Create(string replayFile, int frames, int seed)
    {
        var dumpText = File.ReadAllText(replayFile).Split(";;")[0].Trim();
        var tape = new FeedTape(Encoding.UTF8.GetBytes(dumpText));
        var markets = new Dictionary<string, List<string>>();
        foreach (var book in JsonDocument.Parse(dumpText).RootElement.EnumerateArray())
        {
            var token = book.GetProperty("asset_id").GetString()!;
            tape._books[token] = (Side(book, "bids"), Side(book, "asks"), decimal.Parse(book.GetProperty("tick_size").GetString()!, CultureInfo.InvariantCulture));
            var market = book.GetProperty("market").GetString()!;
            (markets.TryGetValue(market, out var list) ? list : markets[market] = []).Add(token);
        }

        var pairs = markets.Where(m => m.Value.Count == 2).Select(m => (Market: m.Key, Yes: m.Value[0], No: m.Value[1])).ToArray();
        var random = new Random(seed);
        var timestamp = 1779223899159L;
        for (var i = 0; i < frames; i++)
        {
            tape.Frames.Add(tape.Next(pairs[random.Next(pairs.Length)], random, timestamp++));
        }

        return tape;
    }

    private byte[] Next((string Market, string Yes, string No) pair, Random random, long timestamp)
    {
        var yes = _books[pair.Yes];
        var buy = random.Next(2) == 0;
        var bestBid = yes.Bids.Count > 0 ? yes.Bids.Keys.Max() : yes.Tick;
        var bestAsk = yes.Asks.Count > 0 ? yes.Asks.Keys.Min() : 1m - yes.Tick;
        var price = buy ? bestBid + (yes.Tick * random.Next(-6, 2)) : bestAsk + (yes.Tick * random.Next(-1, 7));
        price = Math.Clamp(price, yes.Tick, 1m - yes.Tick);
        if (buy ? price >= bestAsk : price <= bestBid)
        {
            price = buy ? bestAsk - yes.Tick : bestBid + yes.Tick;
        }

        if (price < yes.Tick || price > 1m - yes.Tick)
        {
            // No room inside (tick, 1 − tick) without crossing: change the best level of this side instead.
            price = buy ? bestBid : bestAsk;
        }

        var size = random.Next(4) == 0 ? 0m : random.Next(1, 500_000) / 100m;
        var entries = new StringBuilder();
        Apply(entries, pair.Yes, buy, price, size, random);
        entries.Append(',');
        Apply(entries, pair.No, !buy, 1m - price, size, random);
        Changes += 2;
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"market":"{{pair.Market}}","price_changes":[{{entries}}],"timestamp":"{{timestamp}}","event_type":"price_change"}"""));
    }

    private void Apply(StringBuilder entries, string token, bool buy, decimal price, decimal size, Random random)
    {
        var book = _books[token];
        var side = buy ? book.Bids : book.Asks;
        if (size == 0m)
        {
            side.Remove(price);
        }
        else
        {
            side[price] = size;
        }

        var bestBid = book.Bids.Count > 0 ? book.Bids.Keys.Max().ToString(CultureInfo.InvariantCulture) : "";
        var bestAsk = book.Asks.Count > 0 ? book.Asks.Keys.Min().ToString(CultureInfo.InvariantCulture) : "";
        var hash = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(random.Next()));
        entries.Append(CultureInfo.InvariantCulture, $$"""{"asset_id":"{{token}}","price":"{{price}}","size":"{{size}}","side":"{{(buy ? "BUY" : "SELL")}}","hash":"{{hash}}","best_bid":"{{bestBid}}","best_ask":"{{bestAsk}}"}""");
    }

    private static SortedDictionary<decimal, decimal> Side(JsonElement book, string name)
    {
        var side = new SortedDictionary<decimal, decimal>();
        foreach (var level in book.GetProperty(name).EnumerateArray())
        {
            var size = decimal.Parse(level.GetProperty("size").GetString()!, CultureInfo.InvariantCulture);
            if (size > 0m)
            {
                side[decimal.Parse(level.GetProperty("price").GetString()!, CultureInfo.InvariantCulture)] = size;
            }
        }

        return side;
    }
}
