using System.Text.Json;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>Reading one property of a message into <see cref="FrameFields"/>; the reader is on the value.</summary>
public sealed partial class MarketFrameParser
{
    private string? ReadField(ref Utf8JsonReader reader, FeedKey key, FrameFields f)
    {
        switch (key)
        {
            case FeedKey.EventType:
                if (!FeedJson.TryRaw(ref reader, out var kind))
                {
                    return "event_type is not a string";
                }

                f.Kind = FeedKeys.KindOf(kind);
                return null;
            case FeedKey.AssetId:
                return ReadToken(ref reader, out f.Asset) ? null : "asset_id is not a string";
            case FeedKey.WinningAssetId:
                return ReadToken(ref reader, out f.WinningAsset) ? null : "winning_asset_id is not a string";
            case FeedKey.Market:
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return null;
                }

                if (!FeedJson.TryRaw(ref reader, out var market))
                {
                    return "market is not a string";
                }

                f.Market = _markets.Get(market);
                return null;
            case FeedKey.Timestamp:
                return FeedJson.TryTimestamp(ref reader, out f.Timestamp) ? null : "timestamp is not epoch milliseconds";
            case FeedKey.Hash:
                return ReadHash(ref reader, out f.Hash) ? null : "hash is not a string";
            case FeedKey.Bids:
                return ReadLevels(ref reader, f.Bids, "bids");
            case FeedKey.Asks:
                return ReadLevels(ref reader, f.Asks, "asks");
            case FeedKey.PriceChanges:
            case FeedKey.Changes:
                f.HasChanges = true;
                return ReadChanges(ref reader, f.Changes, key == FeedKey.PriceChanges ? "price_changes" : "changes");
            case FeedKey.Price:
                return Decimal(ref reader, out f.Price, "price");
            case FeedKey.Size:
                return Decimal(ref reader, out f.Size, "size");
            case FeedKey.Side:
                if (reader.TokenType == JsonTokenType.Null)
                {
                    return null;
                }

                if (!FeedJson.TrySide(ref reader, out var isBuy))
                {
                    return "side is not BUY or SELL";
                }

                f.IsBuy = isBuy;
                return null;
            case FeedKey.BestBid:
                f.HasBestBid = true;
                return FeedJson.TryTopPrice(ref reader, out f.BestBid) ? null : "best_bid is not a price";
            case FeedKey.BestAsk:
                f.HasBestAsk = true;
                return FeedJson.TryTopPrice(ref reader, out f.BestAsk) ? null : "best_ask is not a price";
            case FeedKey.Spread:
                return Decimal(ref reader, out f.Spread, "spread");
            case FeedKey.TickSize:
                return Decimal(ref reader, out f.TickSize, "tick_size");
            case FeedKey.LastTradePrice:
                return Decimal(ref reader, out f.LastTradePrice, "last_trade_price");
            case FeedKey.OldTickSize:
                return Decimal(ref reader, out f.OldTickSize, "old_tick_size");
            case FeedKey.NewTickSize:
                return Decimal(ref reader, out f.NewTickSize, "new_tick_size");
            case FeedKey.FeeRateBps:
                return Decimal(ref reader, out f.FeeRateBps, "fee_rate_bps");
            case FeedKey.Id:
                return FeedJson.TryText(ref reader, out f.Id) ? null : "id is not a string";
            case FeedKey.Question:
                return FeedJson.TryText(ref reader, out f.Question) ? null : "question is not a string";
            case FeedKey.Slug:
                return FeedJson.TryText(ref reader, out f.Slug) ? null : "slug is not a string";
            case FeedKey.WinningOutcome:
                return FeedJson.TryText(ref reader, out f.WinningOutcome) ? null : "winning_outcome is not a string";
            case FeedKey.AssetsIds:
                return ReadTokenList(ref reader, out f.AssetIds);
            case FeedKey.Outcomes:
                return ReadTextList(ref reader, out f.Outcomes);
            default:
                reader.Skip();
                return null;
        }
    }

    private bool ReadToken(ref Utf8JsonReader reader, out TokenId? token)
    {
        token = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!FeedJson.TryRaw(ref reader, out var raw))
        {
            return false;
        }

        token = _tokens.Get(raw);
        return true;
    }

    private static bool ReadHash(ref Utf8JsonReader reader, out BookHash? hash)
    {
        hash = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (!FeedJson.TryRaw(ref reader, out var raw))
        {
            return false;
        }

        hash = HashOf(raw);
        return true;
    }

    /// <summary>The hash from its text; <c>""</c> is no hash.</summary>
    private static BookHash? HashOf(ReadOnlySpan<byte> raw) => raw.IsEmpty ? null : BookHash.FromUtf8(raw);

    /// <summary>An optional decimal: JSON null and <c>""</c> leave it unset.</summary>
    private static string? Decimal(ref Utf8JsonReader reader, out decimal? value, string name)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null || reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty)
        {
            return null;
        }

        if (!FeedJson.TryDecimal(ref reader, out var parsed))
        {
            return $"{name} is not a number";
        }

        value = parsed;
        return null;
    }
}
