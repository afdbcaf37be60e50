using System.Globalization;
using System.Text.Json.Serialization;

namespace Prescient.Domain.Values;

/// <summary>A price on a prediction market in USDC per share: a probability in [0, 1].</summary>
[JsonConverter(typeof(DecimalValueJsonConverter<Price>))]
public readonly record struct Price : IDecimalValue<Price>, IComparable<Price>
{
    public static readonly Price Zero = new(0m);
    public static readonly Price One = new(1m);

    private Price(decimal value) => Value = value;

    public decimal Value { get; }

    /// <summary>The complementary outcome's price: a NO ask mirrors a YES bid as 1 − p.</summary>
    public Price Complement => new(1m - Value);

    public static Price Create(decimal value) =>
        TryCreate(value, out var price)
            ? price
            : throw new ArgumentOutOfRangeException(
                nameof(value), value, "A price must be between 0 and 1 inclusive (USDC per share).");

    public static bool TryCreate(decimal value, out Price price)
    {
        price = new Price(value);
        return value is >= 0m and <= 1m;
    }

    public static Price? From(decimal? value) => value is { } v ? Create(v) : null;

    public static Usdc operator *(Price price, Shares shares) => Usdc.Create(price.Value * shares.Value);

    public static Usdc operator *(Shares shares, Price price) => Usdc.Create(shares.Value * price.Value);

    public static bool operator <(Price left, Price right) => left.Value < right.Value;

    public static bool operator >(Price left, Price right) => left.Value > right.Value;

    public static bool operator <=(Price left, Price right) => left.Value <= right.Value;

    public static bool operator >=(Price left, Price right) => left.Value >= right.Value;

    public int CompareTo(Price other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
