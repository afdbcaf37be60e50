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

    /// <summary>The smaller amount, picked as <see cref="Math.Min(decimal, decimal)"/> picks it (so of two equal amounts the same one, with its scale, wins).</summary>
    public static Usdc Min(Usdc left, Usdc right) => new(Math.Min(left.Value, right.Value));

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

    public int CompareTo(Usdc other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
