using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>Reading the arrays inside a message: book levels, price changes, id and outcome lists.</summary>
public sealed partial class MarketFrameParser
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

            if (!IsLevel(price, size))
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
            // Read straight into the buffer's slot: a change is about 150 bytes, copied once less.
            ref var change = ref changes.AddDefault();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = FeedKeys.Of(ref reader);
                reader.Read();
                var error = key switch
                {
                    FeedKey.AssetId => ReadToken(ref reader, out change.Asset) ? null : "asset_id is not a string",
                    FeedKey.Price => Decimal(ref reader, out change.Price, "price"),
                    FeedKey.Size => Decimal(ref reader, out change.Size, "size"),
                    FeedKey.Side => ReadSide(ref reader, out change.IsBid),
                    FeedKey.BestBid => ReadTop(ref reader, out change.BestBid, out change.HasBestBid, "best_bid"),
                    FeedKey.BestAsk => ReadTop(ref reader, out change.BestAsk, out change.HasBestAsk, "best_ask"),
                    FeedKey.Hash => ReadHash(ref reader, out change.Hash) ? null : "hash is not a string",
                    _ => Skip(ref reader),
                };
                if (error is not null)
                {
                    return $"{name}: {error}";
                }
            }

            if (!IsLevel(change.Price, change.Size) || change.IsBid is null)
            {
                return $"{name}: a change without a price in [0, 1], a size of at least 0 and a side";
            }
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

    /// <summary>A price in [0, 1] and a size of at least 0, checked without decimal comparisons (see <see cref="FeedJson.UnitRangeOf"/>).</summary>
    private static bool IsLevel([NotNullWhen(true)] decimal? price, [NotNullWhen(true)] decimal? size) =>
        price is { } p && FeedJson.IsUnit(p) && size is { } s && (!decimal.IsNegative(s) || s == 0m);

    private static string? ReadSide(ref Utf8JsonReader reader, out bool? isBuy)
    {
        isBuy = null;
        if (!FeedJson.TrySide(ref reader, out var buy))
        {
            return "side is not BUY or SELL";
        }

        isBuy = buy;
        return null;
    }

    private static string? ReadTop(ref Utf8JsonReader reader, out decimal? price, out bool present, string name)
    {
        present = true;
        return FeedJson.TryTopPrice(ref reader, out price) ? null : $"{name} is not a price";
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
