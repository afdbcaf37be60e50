using System.Text.Json.Serialization;

namespace Prescient.Domain.Ids;

/// <summary>A ledger record id, sequential in the ledger ("T000001", "T000002", …).</summary>
[JsonConverter(typeof(StringIdJsonConverter<TradeId>))]
public readonly record struct TradeId : IStringId<TradeId>, IComparable<TradeId>
{
    private TradeId(string value) => Value = value;

    public string Value { get; }

    public static TradeId Create(string value) => new(StringId.Require(value, nameof(TradeId)));

    /// <summary>The id of the <paramref name="sequence"/>-th ledger record (1-based): "T000001". Ordinal order is ledger order up to 999,999 records.</summary>
    public static TradeId ForSequence(long sequence) =>
        sequence >= 1
            ? new("T" + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            : throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A ledger sequence number starts at 1.");

    public int CompareTo(TradeId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
