namespace Prescient.Domain.Markets;

/// <summary>
/// A market's taker-fee settings as Gamma publishes them, plus the CLOB base fee when it had to be
/// asked for. When <see cref="Enabled"/> is false the market charges no fee. With a schedule, fee
/// per share = <see cref="Rate"/> × (p × (1 − p))^<see cref="Exponent"/>; without one, the base fee
/// (<see cref="BaseFeeBps"/>) is charged as the exchange contract charges a fee rate.
/// </summary>
public sealed record FeeSettings
{
    public static readonly FeeSettings None = new();

    public bool Enabled { get; init; }

    /// <summary>Gamma <c>feeType</c>, e.g. "sports_fees_v2"; null when absent.</summary>
    public string? Type { get; init; }

    /// <summary>Fee rate (a fraction, e.g. 0.03).</summary>
    public decimal? Rate { get; init; }

    public decimal? Exponent { get; init; }

    public decimal? RebateRate { get; init; }

    public bool? TakerOnly { get; init; }

    /// <summary>Legacy maker base fee in basis points.</summary>
    public decimal? MakerBaseFee { get; init; }

    /// <summary>Legacy taker base fee in basis points: Gamma's maximum, never a rate to charge.</summary>
    public decimal? TakerBaseFee { get; init; }

    /// <summary>
    /// The CLOB base fee of the traded token in basis points (<c>GET /fee-rate</c> <c>base_fee</c>),
    /// resolved at execution for a market with fees on and no schedule; null when not asked or unknown.
    /// </summary>
    public decimal? BaseFeeBps { get; init; }

    /// <summary>Fees are on, there is no schedule rate and no base fee yet: the fee cannot be computed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NeedsBaseFee => Enabled && Rate is null && BaseFeeBps is null;
}
