namespace Prescient.Polymarket.Feed;

/// <summary>
/// Sees every text frame a connection of the feed receives, whole and as received, before it is
/// parsed (frames longer than <see cref="MarketFeedOptions.MaxFrameBytes"/> excepted: they are not
/// kept). Called on the connection's receive loop, one frame at a time per connection and from
/// several connections at once: it must return at once and never throw. The span is valid only
/// during the call.
/// </summary>
public interface IFeedFrameTap
{
    void OnFrame(ReadOnlySpan<byte> frame);
}
