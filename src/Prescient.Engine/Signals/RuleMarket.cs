using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Extraction;

namespace Prescient.Engine.Signals;

/// <summary>
/// The few fields of a market the built-in rules read (ids, question, tick), taken from an extracted row
/// or a domain market alike, so that evaluating a row does not build a whole <see cref="Market"/> first.
/// </summary>
internal readonly record struct RuleMarket(EventId EventId, MarketId Id, string Question, decimal? TickSize)
{
    public static RuleMarket From(MarketRow row) => new(row.EventId, row.MarketId, row.Question, row.TickSize);

    public static RuleMarket From(Market market) => new(market.EventId, market.Id, market.Question, market.TickSize);
}
