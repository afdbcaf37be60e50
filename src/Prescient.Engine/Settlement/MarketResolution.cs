namespace Prescient.Engine.Settlement;

/// <summary>
/// What the settlement rule found for one held token. <see cref="PayoutPerShare"/> (USDC per share:
/// 1, 0 or 0.5) is set only when <see cref="State"/> is <see cref="ResolutionState.Resolved"/>;
/// <see cref="Detail"/> says why, in words a trader reads.
/// </summary>
public sealed record MarketResolution
{
    private MarketResolution(ResolutionState state, decimal? payoutPerShare, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        State = state;
        PayoutPerShare = payoutPerShare;
        Detail = detail;
    }

    public ResolutionState State { get; }

    public decimal? PayoutPerShare { get; }

    public string Detail { get; }

    public static MarketResolution Open(string detail) => new(ResolutionState.Open, null, detail);

    public static MarketResolution Pending(string detail) => new(ResolutionState.Pending, null, detail);

    public static MarketResolution Resolved(decimal payoutPerShare, string detail) =>
        payoutPerShare is 0m or 0.5m or 1m
            ? new(ResolutionState.Resolved, payoutPerShare, detail)
            : throw new ArgumentOutOfRangeException(nameof(payoutPerShare), payoutPerShare, "A resolved market pays 1, 0 or 0.5 USDC per share.");
}
