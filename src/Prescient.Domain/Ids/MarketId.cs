using System.Text.Json.Serialization;

namespace Prescient.Domain.Ids;

/// <summary>A Gamma market id (a numeric string such as "516926").</summary>
[JsonConverter(typeof(StringIdJsonConverter<MarketId>))]
public readonly record struct MarketId : IStringId<MarketId>, IComparable<MarketId>
{
    private MarketId(string value) => Value = value;

    public string Value { get; }

    public static MarketId Create(string value) => new(StringId.Require(value, nameof(MarketId)));

    public int CompareTo(MarketId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
