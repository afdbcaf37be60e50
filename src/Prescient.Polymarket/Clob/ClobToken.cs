using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Clob;

/// <summary>
/// One outcome token as the CLOB market endpoint lists it. <see cref="Price"/> is the CLOB's last
/// price in [0, 1] (1 or 0 after resolution); <see cref="Winner"/> is true on the winning token of a
/// resolved market.
/// </summary>
public sealed record ClobToken(TokenId TokenId, string Outcome, decimal? Price, bool Winner);
