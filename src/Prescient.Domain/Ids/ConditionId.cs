using System.Text.Json.Serialization;

namespace Prescient.Domain.Ids;

/// <summary>A market's condition id (0x-prefixed 32-byte hex); the CLOB calls it `market`.</summary>
[JsonConverter(typeof(StringIdJsonConverter<ConditionId>))]
public readonly record struct ConditionId : IStringId<ConditionId>, IComparable<ConditionId>
{
    private ConditionId(string value) => Value = value;

    public string Value { get; }

    public static ConditionId Create(string value) => new(StringId.Require(value, nameof(ConditionId)));

    public int CompareTo(ConditionId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
