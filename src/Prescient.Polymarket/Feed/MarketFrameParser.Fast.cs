namespace Prescient.Polymarket.Feed;

/// <summary>
/// The fast path for the frame nearly every level update arrives in: one <c>price_change</c> message
/// of the September 2025 shape, <c>{"market":…,"price_changes":[{"asset_id":…,"price":…,"size":…,
/// "side":…,"hash":…,"best_bid":…,"best_ask":…},…],"timestamp":…,"event_type":"price_change"}</c>,
/// read with a <see cref="FrameScanner"/> instead of a <see cref="System.Text.Json.Utf8JsonReader"/>
/// through the same value readers, id tables and <see cref="DispatchPriceChange"/>. Keys may come in
/// any order and unknown keys with plain string values are skipped; anything else (whitespace, an
/// escape, a number or null, a repeated or unexpected key, a value the general path would reject)
/// makes it give up before anything is handed on, and the general path reads the frame from its start.
/// </summary>
public sealed partial class MarketFrameParser
{
    /// <summary>False when the frame is outside the fast path's subset; nothing has been handed on then.</summary>
    internal bool TryParsePriceChange(ReadOnlySpan<byte> text, IMarketFrameHandler handler)
    {
        var scan = new FrameScanner(text);
        var f = _fields;
        f.Reset();
        if (!scan.Skip((byte)'{'))
        {
            return false;
        }

        var seen = 0;
        var field = 0;
        do
        {
            var key = SkipRecordedTopName(ref scan, field++);
            if (key == FeedKey.Other && !scan.TryName(out key) || !FirstTime(ref seen, key) || !TryTopField(ref scan, key, f))
            {
                return false;
            }
        }
        while (scan.Skip((byte)','));

        return scan.Skip((byte)'}') && scan.AtEnd && f.Kind == FeedEventKind.PriceChange && f.HasChanges
            && DispatchPriceChange(f, handler) is null;
    }

    /// <summary>One top-level property: the four of the shape, or an unknown key with a plain string.</summary>
    private bool TryTopField(ref FrameScanner scan, FeedKey key, FrameFields f)
    {
        if (key == FeedKey.PriceChanges)
        {
            f.HasChanges = true;
            return TryChanges(ref scan, f.Changes);
        }

        if (!scan.TryString(out var value))
        {
            return false;
        }

        switch (key)
        {
            case FeedKey.Market:
                f.Market = _markets.Get(value);
                return true;
            case FeedKey.Timestamp:
                return FeedJson.TryTimestamp(value, out f.Timestamp);
            case FeedKey.EventType:
                f.Kind = FeedKeys.KindOf(value);
                return true;
            default:
                return key == FeedKey.Other;
        }
    }

    /// <summary>The <c>price_changes</c> array; each entry must name its asset and have a price in [0, 1], a size of at least 0 and a side.</summary>
    private bool TryChanges(ref FrameScanner scan, GrowBuffer<RawChange> changes)
    {
        if (!scan.Skip((byte)'['))
        {
            return false;
        }

        if (scan.Skip((byte)']'))
        {
            return true;
        }

        do
        {
            if (!scan.Skip((byte)'{'))
            {
                return false;
            }

            ref var change = ref changes.AddDefault();
            var seen = 0;
            var field = 0;
            do
            {
                var key = SkipRecordedName(ref scan, field++);
                if (key == FeedKey.Other && !scan.TryName(out key) || !FirstTime(ref seen, key) || !TryChangeField(ref scan, key, ref change))
                {
                    return false;
                }
            }
            while (scan.Skip((byte)','));

            if (!scan.Skip((byte)'}') || change.Asset is null || change.IsBid is null || !IsLevel(change.Price, change.Size))
            {
                return false;
            }
        }
        while (scan.Skip((byte)','));

        return scan.Skip((byte)']');
    }

    /// <summary>
    /// One property of a change: a string, whatever the key (the general path skips every key but these
    /// seven). The recorded spellings (plain decimals, 40 hex digits, digit-only ids, BUY and SELL) are
    /// read in the pass that finds their end; any other string is found first, then read like the general path.
    /// </summary>
    private bool TryChangeField(ref FrameScanner scan, FeedKey key, ref RawChange change)
    {
        switch (key)
        {
            case FeedKey.Price:
                return TryNumber(ref scan, out change.Price);
            case FeedKey.Size:
                return TryNumber(ref scan, out change.Size);
            case FeedKey.BestBid:
                change.HasBestBid = true;
                return TryTop(ref scan, out change.BestBid);
            case FeedKey.BestAsk:
                change.HasBestAsk = true;
                return TryTop(ref scan, out change.BestAsk);
            case FeedKey.Hash when scan.TryHexHash(out var hash):
                change.Hash = hash;
                return true;
            case FeedKey.AssetId when scan.TryDigits(out var digits):
                change.Asset = _tokens.Get(digits);
                return true;
            case FeedKey.Side when scan.Skip("\"BUY\""u8):
                change.IsBid = true;
                return true;
            case FeedKey.Side when scan.Skip("\"SELL\""u8):
                change.IsBid = false;
                return true;
        }

        if (!scan.TryString(out var value))
        {
            return false;
        }

        switch (key)
        {
            case FeedKey.AssetId:
                change.Asset = _tokens.Get(value);
                return true;
            case FeedKey.Side:
                var known = FeedJson.TrySide(value, out var isBuy);
                change.IsBid = isBuy;
                return known;
            case FeedKey.Hash:
                change.Hash = HashOf(value);
                return true;
            default:
                return true;
        }
    }

    /// <summary>A price or size: a plain decimal in one pass, else any string <see cref="FeedJson.TryDecimal(ReadOnlySpan{byte}, out decimal)"/> reads.</summary>
    private static bool TryNumber(ref FrameScanner scan, out decimal? value)
    {
        value = null;
        if (scan.TryPlainDecimal(out var plain) || scan.TryString(out var raw) && FeedJson.TryDecimal(raw, out plain))
        {
            value = plain;
            return true;
        }

        return false;
    }

    /// <summary>A best bid or ask: a plain decimal in one pass, else any string <see cref="FeedJson.TryTopPrice(ReadOnlySpan{byte}, out decimal?)"/> reads (<c>""</c> is an empty side).</summary>
    private static bool TryTop(ref FrameScanner scan, out decimal? value)
    {
        value = null;
        return scan.TryPlainDecimal(out var plain) ? FeedJson.TryTopPrice(plain, out value) : scan.TryString(out var raw) && FeedJson.TryTopPrice(raw, out value);
    }

    /// <summary>
    /// The key of a message's <paramref name="field"/>-th property in the order the server sends them,
    /// if the frame has that name there (quotes and colon included); <see cref="FeedKey.Other"/> if not,
    /// and the name is read as any name. Each name is a constant, so the comparison compiles to a few loads.
    /// </summary>
    private static FeedKey SkipRecordedTopName(ref FrameScanner scan, int field) => field switch
    {
        0 when scan.Skip("\"market\":"u8) => FeedKey.Market,
        1 when scan.Skip("\"price_changes\":"u8) => FeedKey.PriceChanges,
        2 when scan.Skip("\"timestamp\":"u8) => FeedKey.Timestamp,
        3 when scan.Skip("\"event_type\":"u8) => FeedKey.EventType,
        _ => FeedKey.Other,
    };

    /// <summary>The same for a change's properties.</summary>
    private static FeedKey SkipRecordedName(ref FrameScanner scan, int field) => field switch
    {
        0 when scan.Skip("\"asset_id\":"u8) => FeedKey.AssetId,
        1 when scan.Skip("\"price\":"u8) => FeedKey.Price,
        2 when scan.Skip("\"size\":"u8) => FeedKey.Size,
        3 when scan.Skip("\"side\":"u8) => FeedKey.Side,
        4 when scan.Skip("\"hash\":"u8) => FeedKey.Hash,
        5 when scan.Skip("\"best_bid\":"u8) => FeedKey.BestBid,
        6 when scan.Skip("\"best_ask\":"u8) => FeedKey.BestAsk,
        _ => FeedKey.Other,
    };

    /// <summary>False for a known key seen before (the general path would keep the last value); unknown keys may repeat.</summary>
    private static bool FirstTime(ref int seen, FeedKey key)
    {
        if (key == FeedKey.Other)
        {
            return true;
        }

        var bit = 1 << (int)key;
        var first = (seen & bit) == 0;
        seen |= bit;
        return first;
    }
}
