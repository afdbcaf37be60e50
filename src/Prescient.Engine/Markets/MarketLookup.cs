using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Engine.Markets;

/// <summary>
/// One market looked up by id, open or not: Gamma's view (closed flag, outcome prices in
/// <see cref="Market.Outcomes"/>) and, for a closed market when it could be had, the CLOB's view of the same condition.
/// </summary>
public sealed record MarketLookup(Market Market, ClobMarketView? Clob);

/// <summary>
/// The CLOB's <c>/markets/{condition_id}</c> resolution fields: closed, the tokens flagged
/// <c>winner</c> (none while unresolved), and whether it resolved 50/50.
/// </summary>
public sealed record ClobMarketView(ConditionId ConditionId, bool Closed, bool AcceptingOrders, IReadOnlyList<TokenId> Winners, bool Is5050);
