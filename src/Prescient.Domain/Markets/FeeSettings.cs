namespace Prescient.Domain.Markets;

/// <summary>
/// A market's taker-fee settings as Gamma publishes them. When <see cref="Enabled"/> is false the
/// market charges no fee. Fee per share = <see cref="Rate"/> × (p × (1 − p))^<see cref="Exponent"/>.
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

    /// <summary>Legacy taker base fee in basis points.</summary>
    public decimal? TakerBaseFee { get; init; }
}
