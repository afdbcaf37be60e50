using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Calendar;
using Prescient.Engine.Extraction;
using Prescient.Engine.Quotes;

namespace Prescient.Engine.Signals;

/// <summary>What a strategy sees: the extracted markets, a quote per token (missing when not quoted), the portfolio, and now (UTC).</summary>
public sealed record StrategyContext(
    IReadOnlyList<MarketRow> Markets,
    IReadOnlyDictionary<TokenId, TokenQuote> Quotes,
    Portfolio Portfolio,
    DateTimeOffset Now)
{
    /// <summary>The trading day of <see cref="Now"/> (the date in signal ids): the <see cref="TradingCalendar"/>'s, set by the caller; the UTC date of <see cref="Now"/> unless set.</summary>
    public DateOnly Day { get; init; } = TradingCalendar.Utc.DayOf(Now);

    /// <summary>
    /// True (the default): every skipped market carries its numbers in words. False: skips carry their
    /// reason code with an empty detail, for a caller that reports no skips (a backtest): the signals are
    /// the same, and no text is formatted per market and step.
    /// </summary>
    public bool ExplainSkips { get; init; } = true;
}
