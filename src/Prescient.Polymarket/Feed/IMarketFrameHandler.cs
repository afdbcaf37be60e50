namespace Prescient.Polymarket.Feed;

/// <summary>
/// Receives what <see cref="MarketFrameParser"/> reads from a frame, message by message, in wire
/// order. Structs and spans avoid an allocation per message; spans are valid only during the call.
/// </summary>
public interface IMarketFrameHandler
{
    void OnBook(in BookSnapshot book, ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks);

    /// <summary>Called once per change of a <c>price_change</c> message, in the message's order.</summary>
    void OnPriceChange(in PriceChange change);

    void OnTickSizeChange(in TickSizeChange change);

    void OnLastTrade(in LastTrade trade);

    void OnTopOfBook(in TopOfBook top);

    void OnNewMarket(NewMarket market);

    void OnMarketResolved(MarketResolved resolved);
}
