using System.Globalization;

namespace Prescient.Domain.Values;

/// <summary>A price on a prediction market: a probability in [0, 1], in USDC per share.</summary>
public readonly record struct Probability : IComparable<Probability>
{
    public static readonly Probability Zero = new(0m);
    public static readonly Probability One = new(1m);

    private Probability(decimal value) => Value = value;

    public decimal Value { get; }

    public static Probability Create(decimal value) =>
        TryCreate(value, out var p)
            ? p
            : throw new ArgumentOutOfRangeException(
                nameof(value), value, "A probability must be between 0 and 1 inclusive.");

    public static bool TryCreate(decimal value, out Probability probability)
    {
        probability = new Probability(value);
        return value is >= 0m and <= 1m;
    }

    /// <summary>The complementary outcome's price: a NO ask mirrors a YES bid as 1 − p.</summary>
    public Probability Complement => new(1m - Value);

    public int CompareTo(Probability other) => Value.CompareTo(other.Value);

    public static bool operator <(Probability left, Probability right) => left.Value < right.Value;

    public static bool operator >(Probability left, Probability right) => left.Value > right.Value;

    public static bool operator <=(Probability left, Probability right) => left.Value <= right.Value;

    public static bool operator >=(Probability left, Probability right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
