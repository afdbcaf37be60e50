namespace Prescient.Polymarket.Feed;

/// <summary>A value against [0, 1]: the ends matter for a best bid or ask (0 and 1 spell an empty side).</summary>
internal enum UnitRange
{
    Outside,
    Zero,
    Inside,
    One,
}
