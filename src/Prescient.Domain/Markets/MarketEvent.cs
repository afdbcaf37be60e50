using System.Text.Json;
using Prescient.Domain.Ids;

namespace Prescient.Domain.Markets;

/// <summary>
/// A Gamma event: one or more markets under a common title. <see cref="Raw"/> keeps the upstream
/// object whole so that fields this code does not know still reach the files and exports.
/// Liquidity and volumes are USDC.
/// </summary>
public sealed record MarketEvent
{
    public required EventId Id { get; init; }

    public string? Slug { get; init; }

    public string? Title { get; init; }

    public bool Active { get; init; }

    public bool Closed { get; init; }

    public bool Archived { get; init; }

    public bool EnableOrderBook { get; init; }

    public bool NegRisk { get; init; }

    public decimal? Liquidity { get; init; }

    public decimal? Volume { get; init; }

    public decimal? Volume24h { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public IReadOnlyList<Market> Markets { get; init; } = [];

    /// <summary>
    /// The upstream JSON object exactly as received, as a standalone element (not tied to a
    /// disposable document) so that it stays valid for as long as the event is kept.
    /// </summary>
    public required JsonElement Raw { get; init; }
}
