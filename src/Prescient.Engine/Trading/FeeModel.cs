using Prescient.Domain.Markets;
using Prescient.Domain.Trading;

namespace Prescient.Engine.Trading;

/// <summary>
/// Polymarket's taker fee, charged in USDC on the paper account (the exchange takes buy fees in
/// shares; valuing them at the fill price gives the same USDC and keeps share counts whole).
/// <list type="bullet">
/// <item>Fees off: 0.</item>
/// <item>A fee schedule (Gamma <c>feeSchedule</c>): shares × rate × (p × (1 − p))^exponent, the form
/// nautilus implements from Polymarket's fee docs. A missing exponent counts as 1 (the sports schedule).</item>
/// <item>Fees on without a rate but with a legacy <c>taker_base_fee</c> in basis points:
/// shares × p × bps / 10,000, i.e. the base fee as a fraction of the USDC traded.</item>
/// </list>
/// The total is rounded up to 6 decimal places (1 micro-USDC), so the paper account never pays less
/// than the exchange would.
/// </summary>
public static class FeeModel
{
    /// <summary>USDC decimal places a fee is rounded (up) to.</summary>
    public const int Decimals = 6;

    /// <summary>The taker fee (USDC) for taking <paramref name="shares"/> at <paramref name="price"/> (USDC per share, [0, 1]).</summary>
    public static decimal TakerFee(FeeSettings fees, decimal price, decimal shares)
    {
        ArgumentNullException.ThrowIfNull(fees);
        return RoundUp(Exact(fees, price, shares));
    }

    /// <summary>The taker fee (USDC) of a fill across several levels: each level charged at its own price, the sum rounded up once.</summary>
    public static decimal TakerFee(FeeSettings fees, IEnumerable<FillLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentNullException.ThrowIfNull(levels);
        return RoundUp(levels.Sum(l => Exact(fees, l.Price, l.Shares)));
    }

    /// <summary>The fee per share (USDC) at <paramref name="price"/>, unrounded.</summary>
    internal static decimal PerShare(FeeSettings fees, decimal price)
    {
        if (price is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be between 0 and 1 inclusive (USDC per share).");
        }

        if (!fees.Enabled)
        {
            return 0m;
        }

        if (fees.Rate is { } rate)
        {
            return rate <= 0m ? 0m : rate * Power(price * (1m - price), fees.Exponent ?? 1m);
        }

        return fees.TakerBaseFee is { } bps && bps > 0m ? price * bps / 10_000m : 0m;
    }

    internal static decimal RoundUp(decimal usdc) => Math.Round(usdc, Decimals, MidpointRounding.ToPositiveInfinity);

    private static decimal Exact(FeeSettings fees, decimal price, decimal shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shares);
        return shares * PerShare(fees, price);
    }

    /// <summary>x^exponent for x in [0, 0.25]: exact for whole exponents (the usual 1 and 2), through double otherwise.</summary>
    private static decimal Power(decimal x, decimal exponent)
    {
        if (exponent < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "A fee exponent must be 0 or more.");
        }

        if (exponent == decimal.Truncate(exponent) && exponent <= 16m)
        {
            var result = 1m;
            for (var i = 0; i < (int)exponent; i++)
            {
                result *= x;
            }

            return result;
        }

        return (decimal)Math.Pow((double)x, (double)exponent);
    }
}
