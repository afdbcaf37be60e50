using System.Globalization;
using System.Text.Json.Serialization;

namespace Prescient.Domain.Values;

/// <summary>A quantity of outcome-token shares, 0 or more.</summary>
[JsonConverter(typeof(DecimalValueJsonConverter<Shares>))]
public readonly record struct Shares : IDecimalValue<Shares>, IComparable<Shares>
{
    public static readonly Shares Zero = new(0m);

    private Shares(decimal value) => Value = value;

    public decimal Value { get; }

    public static Shares Create(decimal value) =>
        TryCreate(value, out var shares)
            ? shares
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A number of shares must be 0 or more.");

    public static bool TryCreate(decimal value, out Shares shares)
    {
        shares = new Shares(value);
        return value >= 0m;
    }

    public static Shares? From(decimal? value) => value is { } v ? Create(v) : null;

    public static Shares operator +(Shares left, Shares right) => new(left.Value + right.Value);

    /// <summary>Throws when <paramref name="right"/> is more than <paramref name="left"/>: shares never go negative.</summary>
    public static Shares operator -(Shares left, Shares right) => Create(left.Value - right.Value);

    public static bool operator <(Shares left, Shares right) => left.Value < right.Value;

    public static bool operator >(Shares left, Shares right) => left.Value > right.Value;

    public static bool operator <=(Shares left, Shares right) => left.Value <= right.Value;

    public static bool operator >=(Shares left, Shares right) => left.Value >= right.Value;

    public int CompareTo(Shares other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
