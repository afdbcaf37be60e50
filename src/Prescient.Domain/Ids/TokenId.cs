using System.Text.Json.Serialization;

namespace Prescient.Domain.Ids;

/// <summary>An outcome token id (a ~77-digit decimal string); the CLOB calls it `token_id` or `asset_id`.</summary>
[JsonConverter(typeof(StringIdJsonConverter<TokenId>))]
public readonly record struct TokenId : IStringId<TokenId>, IComparable<TokenId>
{
    private TokenId(string value) => Value = value;

    public string Value { get; }

    public static TokenId Create(string value) => new(StringId.Require(value, nameof(TokenId)));

    public int CompareTo(TokenId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
