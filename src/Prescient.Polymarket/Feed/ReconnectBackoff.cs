namespace Prescient.Polymarket.Feed;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits between half and all of
/// min(max, base × 2^n), so shards that lost their connections together do not all come back at once.
/// </summary>
internal static class ReconnectBackoff
{
    /// <param name="attempt">0 for the first reconnect after a loss.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempt, 0), 30);
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ceiling / 2 * (1 + jitter)));
    }
}
