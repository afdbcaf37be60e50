using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// The fields of one message object, gathered in one pass before the message is handed on: the
/// server puts <c>event_type</c> last in 2026 frames, so nothing can be decided before the object ends.
/// One instance is reused for every object of every frame.
/// </summary>
internal sealed class FrameFields
{
    public FeedEventKind Kind;
    public TokenId? Asset;
    public ConditionId? Market;
    public DateTimeOffset? Timestamp;
    public BookHash? Hash;
    public readonly GrowBuffer<PriceLevel> Bids = new();
    public readonly GrowBuffer<PriceLevel> Asks = new();
    public readonly GrowBuffer<RawChange> Changes = new();
    public bool HasChanges;
    public decimal? Price;
    public decimal? Size;
    public bool? IsBuy;
    public bool HasBestBid;
    public bool HasBestAsk;
    public decimal? BestBid;
    public decimal? BestAsk;
    public decimal? Spread;
    public decimal? TickSize;
    public decimal? LastTradePrice;
    public decimal? OldTickSize;
    public decimal? NewTickSize;
    public decimal? FeeRateBps;
    public string? Id;
    public string? Question;
    public string? Slug;
    public string? WinningOutcome;
    public TokenId? WinningAsset;
    public List<TokenId>? AssetIds;
    public List<string>? Outcomes;

    public void Reset()
    {
        Kind = FeedEventKind.Unknown;
        Asset = null;
        Market = null;
        Timestamp = null;
        Hash = null;
        Bids.Clear();
        Asks.Clear();
        Changes.Clear();
        HasChanges = false;
        Price = Size = BestBid = BestAsk = Spread = TickSize = LastTradePrice = OldTickSize = NewTickSize = FeeRateBps = null;
        IsBuy = null;
        HasBestBid = HasBestAsk = false;
        Id = Question = Slug = WinningOutcome = null;
        WinningAsset = null;
        AssetIds = null;
        Outcomes = null;
    }
}

/// <summary>
/// One entry of <c>price_changes</c> (per-entry asset) or of the older <c>changes</c> (asset at the
/// top), filled field by field in place as it is read; price, size and side are checked when the entry ends.
/// </summary>
internal struct RawChange
{
    public TokenId? Asset;
    public bool? IsBid;
    public decimal? Price;
    public decimal? Size;
    public bool HasBestBid;
    public bool HasBestAsk;
    public decimal? BestBid;
    public decimal? BestAsk;
    public BookHash? Hash;
}
