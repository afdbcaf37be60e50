using System.Text.Json.Serialization;

namespace Prescient.Domain.Ids;

/// <summary>A signal id: stable for the same market, action and day (e.g. "20261125-516926-buy_no"), so re-running a day is idempotent.</summary>
[JsonConverter(typeof(StringIdJsonConverter<SignalId>))]
public readonly record struct SignalId : IStringId<SignalId>, IComparable<SignalId>
{
    private SignalId(string value) => Value = value;

    public string Value { get; }

    public static SignalId Create(string value) => new(StringId.Require(value, nameof(SignalId)));

    /// <summary>The id of <paramref name="action"/> on <paramref name="market"/> on the trading <paramref name="day"/> (the date in the schedule's time zone, UTC by default): "20261125-516926-buy_no".</summary>
    public static SignalId For(DateOnly day, MarketId market, string action) =>
        Create(day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-" + market.Value + "-" + action);

    public int CompareTo(SignalId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
