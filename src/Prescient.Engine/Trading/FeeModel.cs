using Prescient.Domain.Markets;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Engine.Trading;

/// <summary>
/// Polymarket's taker fee, charged in USDC on the paper account (the exchange takes buy fees in
/// shares; valuing them at the fill price gives the same USDC and keeps share counts whole).
/// <list type="bullet">
/// <item>Fees off: 0.</item>
/// <item>A fee schedule (Gamma <c>feeSchedule</c>): shares × rate × (p × (1 − p))^exponent, the form
/// nautilus implements from Polymarket's fee docs. A missing exponent counts as 1 (the sports schedule).</item>
/// <item>Fees on without a schedule: the CLOB base fee of the token (<c>GET /fee-rate</c>, basis
/// points) charged as the CTF exchange contract charges a fee rate,
/// shares × min(p, 1 − p) × bps / 10,000 (Polymarket/ctf-exchange <c>CalculatorHelper.calculateFee</c>:
/// on a sell baseRate × min(p, 1 − p) × shares in USDC, on a buy the same divided by p in shares,
/// which is the same USDC). The base fee is the most an order authorises (Polymarket's
/// py-clob-client-v2 PR #110), so this is an upper bound of what the exchange charges. Gamma's
/// <c>takerBaseFee</c> is a maximum too and is never charged as a rate.</item>
/// </list>
/// The total is rounded up to 6 decimal places (1 micro-USDC), so the paper account never pays less
/// than the exchange would. Settings that still need their base fee (<see cref="FeeSettings.NeedsBaseFee"/>)
/// are a bug here: the executor rejects such a signal as <c>fee_unknown</c> first.
/// </summary>
public static class FeeModel
{
    /// <summary>USDC decimal places a fee is rounded (up) to.</summary>
    public const int Decimals = 6;

    /// <summary>The taker fee for taking <paramref name="shares"/> at <paramref name="price"/>.</summary>
    public static Usdc TakerFee(FeeSettings fees, Price price, Shares shares)
    {
        ArgumentNullException.ThrowIfNull(fees);
        return Usdc.Create(RoundUp(Exact(fees, price, shares)));
    }

    /// <summary>The taker fee (USDC) of a fill across several levels: each level charged at its own price, the sum rounded up once.</summary>
    public static Usdc TakerFee(FeeSettings fees, IEnumerable<FillLevel> levels)
    {
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentNullException.ThrowIfNull(levels);
        return Usdc.Create(RoundUp(levels.Sum(l => Exact(fees, l.Price, l.Shares))));
    }

    /// <summary>The fee per share (USDC) at <paramref name="at"/>, unrounded.</summary>
    internal static decimal PerShare(FeeSettings fees, Price at)
    {
        var price = at.Value;
        if (!fees.Enabled)
        {
            return 0m;
        }

        if (fees.Rate is { } rate)
        {
            return rate <= 0m ? 0m : rate * Power(price * (1m - price), fees.Exponent ?? 1m);
        }

        if (fees.BaseFeeBps is { } bps)
        {
            return bps <= 0m ? 0m : Math.Min(price, 1m - price) * bps / 10_000m;
        }

        throw new InvalidOperationException(
            "The market charges fees but has neither a fee schedule nor a CLOB base fee: resolve the base fee (GET /fee-rate) before pricing a fill.");
    }

    internal static decimal RoundUp(decimal usdc) => Math.Round(usdc, Decimals, MidpointRounding.ToPositiveInfinity);

    private static decimal Exact(FeeSettings fees, Price price, Shares shares) => shares.Value * PerShare(fees, price);

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
