using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>Checking a gathered message for the fields its type needs, then handing it on.</summary>
public sealed partial class MarketFrameParser
{
    private static string? Dispatch(FrameFields f, IMarketFrameHandler handler)
    {
        switch (f.Kind)
        {
            case FeedEventKind.Book:
                if (f.Asset is not { } bookToken)
                {
                    return "book without an asset_id";
                }

                handler.OnBook(new BookSnapshot(bookToken, f.Market, f.Timestamp, f.Hash, f.TickSize, f.LastTradePrice), f.Bids.Span, f.Asks.Span);
                return null;
            case FeedEventKind.PriceChange:
                return DispatchPriceChange(f, handler);
            case FeedEventKind.TickSizeChange:
                if (f.Asset is not { } tickToken || f.NewTickSize is not { } newTick)
                {
                    return "tick_size_change without an asset_id and a new_tick_size";
                }

                handler.OnTickSizeChange(new TickSizeChange(tickToken, f.Market, f.OldTickSize, newTick, f.Timestamp));
                return null;
            case FeedEventKind.LastTradePrice:
                if (f.Asset is not { } tradeToken || f.Price is not { } tradePrice)
                {
                    return "last_trade_price without an asset_id and a price";
                }

                handler.OnLastTrade(new LastTrade(tradeToken, f.Market, tradePrice, f.IsBuy, f.Size, f.FeeRateBps, f.Timestamp));
                return null;
            case FeedEventKind.BestBidAsk:
                if (f.Asset is not { } topToken)
                {
                    return "best_bid_ask without an asset_id";
                }

                handler.OnTopOfBook(new TopOfBook(topToken, f.Market, f.BestBid, f.BestAsk, f.Spread, f.Timestamp));
                return null;
            case FeedEventKind.NewMarket:
                if (f.Market is not { } newMarket)
                {
                    return "new_market without a market";
                }

                handler.OnNewMarket(new NewMarket(newMarket, GammaId(f.Id), f.Question, f.Slug, f.AssetIds ?? [], f.Outcomes ?? [], f.Timestamp));
                return null;
            case FeedEventKind.MarketResolved:
                if (f.Market is not { } resolvedMarket)
                {
                    return "market_resolved without a market";
                }

                handler.OnMarketResolved(new MarketResolved(resolvedMarket, GammaId(f.Id), f.AssetIds ?? [], f.WinningAsset, f.WinningOutcome, f.Timestamp));
                return null;
            default:
                return null;
        }
    }

    private static MarketId? GammaId(string? id) => string.IsNullOrWhiteSpace(id) ? null : MarketId.Create(id);

    /// <summary>
    /// The three shapes: <c>price_changes</c> (each entry has its asset), <c>changes</c> (the asset
    /// and hash at the top), and the flat 2024 message (one change at the top). Every entry is checked
    /// before the first is handed on.
    /// </summary>
    private static string? DispatchPriceChange(FrameFields f, IMarketFrameHandler handler)
    {
        if (!f.HasChanges)
        {
            if (f.Asset is not { } token || !IsLevel(f.Price, f.Size) || f.IsBuy is not { } isBuy)
            {
                return "price_change without an asset_id, a price in [0, 1], a size of at least 0 and a side";
            }

            handler.OnPriceChange(new PriceChange(token, f.Market, isBuy, f.Price.Value, f.Size.Value, f.HasBestBid && f.HasBestAsk, f.BestBid, f.BestAsk, f.Hash, f.Timestamp));
            return null;
        }

        var changes = f.Changes.Span;
        foreach (ref readonly var change in changes)
        {
            if ((change.Asset ?? f.Asset) is null)
            {
                return "price_change entry without an asset_id";
            }
        }

        // Price, size and side were checked as each entry ended (ReadChanges).
        foreach (ref readonly var change in changes)
        {
            handler.OnPriceChange(new PriceChange(
                (change.Asset ?? f.Asset)!.Value,
                f.Market,
                change.IsBid!.Value,
                change.Price!.Value,
                change.Size!.Value,
                change.HasBestBid && change.HasBestAsk,
                change.BestBid,
                change.BestAsk,
                change.Hash ?? f.Hash,
                f.Timestamp));
        }

        return null;
    }
}
