using System.Text.Json.Serialization;

namespace Prescient.Domain.Ids;

/// <summary>A Gamma event id (a numeric string such as "16167").</summary>
[JsonConverter(typeof(StringIdJsonConverter<EventId>))]
public readonly record struct EventId : IStringId<EventId>, IComparable<EventId>
{
    private EventId(string value) => Value = value;

    public string Value { get; }

    public static EventId Create(string value) => new(StringId.Require(value, nameof(EventId)));

    public int CompareTo(EventId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
