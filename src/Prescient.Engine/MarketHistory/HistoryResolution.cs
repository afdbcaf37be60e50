using Prescient.Engine.Extraction;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// How a token's market resolved: <see cref="PayoutPerShare"/> is 1, 0 or 0.5 USDC per share;
/// <see cref="Detail"/> says where that was read, in words a trader reads.
/// </summary>
public sealed record HistoryResolution
{
    public HistoryResolution(decimal payoutPerShare, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        PayoutPerShare = payoutPerShare is 0m or 0.5m or 1m
            ? payoutPerShare
            : throw new ArgumentOutOfRangeException(nameof(payoutPerShare), payoutPerShare, "A resolved market pays 1, 0 or 0.5 USDC per share.");
        Detail = detail;
    }

    public decimal PayoutPerShare { get; }

    public string Detail { get; }

    /// <summary>
    /// The payouts of a closed market row whose displayed prices settled at 1/0, 0/1 or 0.5/0.5, keyed
    /// by its tokens; none for an open row, or one whose prices are anything else (legacy 0/0, still
    /// moving after the close).
    /// </summary>
    public static IEnumerable<KeyValuePair<Domain.Ids.TokenId, HistoryResolution>> Of(MarketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.Closed || row.YesPrice is not { } yes || row.NoPrice is not { } no || yes + no != 1m || yes is not (0m or 0.5m or 1m))
        {
            yield break;
        }

        var detail = $"market {row.MarketId} closed with prices {yes}/{no}";
        if (row.YesTokenId is { } yesToken)
        {
            yield return new(yesToken, new HistoryResolution(yes, detail));
        }

        if (row.NoTokenId is { } noToken)
        {
            yield return new(noToken, new HistoryResolution(no, detail));
        }
    }
}
