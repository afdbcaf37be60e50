using Prescient.Domain.Ids;
using Prescient.Domain.Values;

namespace Prescient.Domain.Signals;

/// <summary>
/// A strategy's request to buy one outcome token of one market, as written to
/// <c>trades/current_signals.json</c>. Stake in USDC (the most the fill may spend, fees included);
/// prices in [0, 1] USDC per share.
/// </summary>
public sealed record Signal
{
    public required SignalId SignalId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The strategy that produced it ("threshold").</summary>
    public required string Strategy { get; init; }

    public required EventId EventId { get; init; }

    public string? EventTitle { get; init; }

    public required MarketId MarketId { get; init; }

    public required ConditionId ConditionId { get; init; }

    /// <summary>The token to buy.</summary>
    public required TokenId TokenId { get; init; }

    /// <summary>The outcome that token pays on ("No", "Yes", a team name).</summary>
    public required string Outcome { get; init; }

    public required string Question { get; init; }

    public required SignalAction Action { get; init; }

    /// <summary>USDC to spend at most, fees included.</summary>
    public required Usdc Stake { get; init; }

    /// <summary>The expected entry price: the best ask of <see cref="TokenId"/> when the signal was made.</summary>
    public required Price Price { get; init; }

    /// <summary>The highest price per share a fill may pay (a limit price, on the market's tick).</summary>
    public required Price LimitPrice { get; init; }

    /// <summary>The YES price the rule looked at, and where it came from (mid, last_trade, best_bid).</summary>
    public required Price YesPrice { get; init; }

    public required string YesPriceSource { get; init; }

    /// <summary>How far the YES price is past the threshold (price − threshold), in [0, 1].</summary>
    public required decimal Confidence { get; init; }

    /// <summary>Why, in words a trader reads.</summary>
    public required string Reason { get; init; }
}
