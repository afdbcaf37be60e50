using System.Globalization;
using System.Text.Json.Serialization;

namespace Prescient.Domain.Values;

/// <summary>An amount of USDC. Negative for a P&amp;L or a delta; balances and costs are checked by their owners.</summary>
[JsonConverter(typeof(DecimalValueJsonConverter<Usdc>))]
public readonly record struct Usdc : IDecimalValue<Usdc>, IComparable<Usdc>
{
    public static readonly Usdc Zero = new(0m);

    private Usdc(decimal value) => Value = value;

    public decimal Value { get; }

    /// <summary>Any decimal is an amount of USDC; the factory is here for symmetry with the other values.</summary>
    public static Usdc Create(decimal value) => new(value);

    public static bool TryCreate(decimal value, out Usdc usdc)
    {
        usdc = new Usdc(value);
        return true;
    }

    public static Usdc? From(decimal? value) => value is { } v ? new Usdc(v) : null;

    /// <summary>A non-negative amount (a cost, a fee, a stake, cash), or an error naming the range.</summary>
    public static Usdc CreateNonNegative(decimal value) =>
        value >= 0m
            ? new Usdc(value)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "An amount of USDC here must be 0 or more.");

    /// <summary>Σ <paramref name="amounts"/>, added in order from 0 (as <see cref="Enumerable.Sum(IEnumerable{decimal})"/>, so the scale is the same).</summary>
    public static Usdc Sum(IEnumerable<Usdc> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var sum = 0m;
        foreach (var amount in amounts)
        {
            sum += amount.Value;
        }

        return new Usdc(sum);
    }

    public static Usdc Min(Usdc left, Usdc right) => new(Math.Min(left.Value, right.Value));

    public static Usdc Max(Usdc left, Usdc right) => new(Math.Max(left.Value, right.Value));

    public Usdc Abs() => new(Math.Abs(Value));

    /// <summary>Rounded to <paramref name="decimals"/> places, half to even (as <see cref="Math.Round(decimal, int)"/>).</summary>
    public Usdc Round(int decimals) => new(Math.Round(Value, decimals));

    public static Usdc operator +(Usdc left, Usdc right) => new(left.Value + right.Value);

    public static Usdc operator -(Usdc left, Usdc right) => new(left.Value - right.Value);

    public static Usdc operator -(Usdc value) => new(-value.Value);

    public static Usdc operator *(Usdc left, decimal factor) => new(left.Value * factor);

    public static Usdc operator *(decimal factor, Usdc right) => new(factor * right.Value);

    public static Usdc operator /(Usdc left, decimal divisor) => new(left.Value / divisor);

    public static bool operator <(Usdc left, Usdc right) => left.Value < right.Value;

    public static bool operator >(Usdc left, Usdc right) => left.Value > right.Value;

    public static bool operator <=(Usdc left, Usdc right) => left.Value <= right.Value;

    public static bool operator >=(Usdc left, Usdc right) => left.Value >= right.Value;

    public static Usdc Add(Usdc left, Usdc right) => left + right;

    public static Usdc Subtract(Usdc left, Usdc right) => left - right;

    public static Usdc Negate(Usdc value) => -value;

    public static Usdc Multiply(Usdc left, decimal factor) => left * factor;

    public static Usdc Divide(Usdc left, decimal divisor) => left / divisor;

    public int CompareTo(Usdc other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
