using Prescient.Domain.Ids;

namespace Prescient.Engine.Trading.Audit;

/// <summary>One real trade of a token on the public tape: who took (buyer or seller), shares, price per share, when.</summary>
public readonly record struct MarketPrint(TokenId Token, bool TakerBought, decimal Size, decimal Price, DateTimeOffset At);

/// <summary>The public trade tape of a market (Polymarket's Data API <c>/trades</c>).</summary>
public interface IMarketPrints
{
    /// <summary>
    /// The market's prints at or after <paramref name="since"/>, oldest first (both tokens). Throws
    /// <see cref="Markets.MarketDataUnavailableException"/> when the tape cannot be read.
    /// </summary>
    Task<IReadOnlyList<MarketPrint>> GetPrintsAsync(ConditionId market, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>Where the audit's files go (the report JSON and its CSV); returns the paths written.</summary>
public interface IFillsAuditReports
{
    Task<IReadOnlyList<string>> WriteAsync(FillsAudit audit, CancellationToken cancellationToken);
}
