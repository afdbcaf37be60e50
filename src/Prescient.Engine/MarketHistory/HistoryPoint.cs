namespace Prescient.Engine.MarketHistory;

/// <summary>
/// One price of a token: <see cref="UnixSeconds"/> (UTC) and <see cref="Price"/> in [0, 1] USDC per
/// share. A plain 24-byte struct with no references, so a token-month of points is one array and a
/// replay allocates nothing per point.
/// </summary>
public readonly record struct HistoryPoint(long UnixSeconds, decimal Price)
{
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(UnixSeconds);

    public static HistoryPoint At(DateTimeOffset time, decimal price) => new(time.ToUnixTimeSeconds(), price);
}
