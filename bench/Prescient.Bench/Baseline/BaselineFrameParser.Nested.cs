using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;

namespace Prescient.Bench.Baseline;

/// <summary>Reading the arrays inside a message: book levels, price changes, id and outcome lists.</summary>
internal sealed partial class BaselineParser
{
    /// <summary><c>[{price, size}, …]</c>; a price outside [0, 1] or a negative size makes the message malformed.</summary>
    private static string? ReadLevels(ref Utf8JsonReader reader, GrowBuffer<PriceLevel> levels, string side)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return $"{side} is not an array";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            decimal? price = null;
            decimal? size = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = FeedKeys.Of(ref reader);
                reader.Read();
                var error = key switch
                {
                    FeedKey.Price => Decimal(ref reader, out price, "price"),
                    FeedKey.Size => Decimal(ref reader, out size, "size"),
                    _ => Skip(ref reader),
                };
                if (error is not null)
                {
                    return $"{side}: {error}";
                }
            }

            if (price is not (>= 0m and <= 1m) || size is not >= 0m)
            {
                return $"{side}: a level without a price in [0, 1] and a size of at least 0";
            }

            levels.Add(new PriceLevel(price.Value, size.Value));
        }

        return reader.TokenType == JsonTokenType.EndArray ? null : $"{side}: a level is not an object";
    }

    /// <summary>
    /// <c>price_changes</c> (since September 2025: each entry names its asset and carries the top after it)
    /// or <c>changes</c> (the older nested form: the asset is at the top of the message).
    /// </summary>
    private string? ReadChanges(ref Utf8JsonReader reader, GrowBuffer<RawChange> changes, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return $"{name} is not an array";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            TokenId? asset = null;
            decimal? price = null;
            decimal? size = null;
            bool? isBuy = null;
            decimal? bestBid = null;
            decimal? bestAsk = null;
            var hasBid = false;
            var hasAsk = false;
            BookHash? hash = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = FeedKeys.Of(ref reader);
                reader.Read();
                string? error = null;
                switch (key)
                {
                    case FeedKey.AssetId:
                        error = ReadToken(ref reader, out asset) ? null : "asset_id is not a string";
                        break;
                    case FeedKey.Price:
                        error = Decimal(ref reader, out price, "price");
                        break;
                    case FeedKey.Size:
                        error = Decimal(ref reader, out size, "size");
                        break;
                    case FeedKey.Side:
                        error = FeedJson.TrySide(ref reader, out var buy) ? null : "side is not BUY or SELL";
                        isBuy = buy;
                        break;
                    case FeedKey.BestBid:
                        hasBid = true;
                        error = FeedJson.TryTopPrice(ref reader, out bestBid) ? null : "best_bid is not a price";
                        break;
                    case FeedKey.BestAsk:
                        hasAsk = true;
                        error = FeedJson.TryTopPrice(ref reader, out bestAsk) ? null : "best_ask is not a price";
                        break;
                    case FeedKey.Hash:
                        error = ReadHash(ref reader, out hash) ? null : "hash is not a string";
                        break;
                    default:
                        reader.Skip();
                        break;
                }

                if (error is not null)
                {
                    return $"{name}: {error}";
                }
            }

            if (price is not (>= 0m and <= 1m) || size is not >= 0m || isBuy is null)
            {
                return $"{name}: a change without a price in [0, 1], a size of at least 0 and a side";
            }

            changes.Add(new RawChange(asset, isBuy.Value, price.Value, size.Value, hasBid && hasAsk, bestBid, bestAsk, hash));
        }

        return reader.TokenType == JsonTokenType.EndArray ? null : $"{name}: an entry is not an object";
    }

    private string? ReadTokenList(ref Utf8JsonReader reader, out List<TokenId>? tokens)
    {
        tokens = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return "assets_ids is not an array";
        }

        tokens = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!ReadToken(ref reader, out var token))
            {
                return "assets_ids holds a non-string";
            }

            if (token is { } id)
            {
                tokens.Add(id);
            }
        }

        return null;
    }

    private static string? ReadTextList(ref Utf8JsonReader reader, out List<string>? values)
    {
        values = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return "outcomes is not an array";
        }

        values = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return "outcomes holds a non-string";
            }

            values.Add(reader.GetString()!);
        }

        return null;
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
