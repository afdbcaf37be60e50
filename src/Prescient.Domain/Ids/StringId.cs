namespace Prescient.Domain.Ids;

/// <summary>
/// A Polymarket identifier carried as text. Ids are opaque: token ids are ~77-digit decimal
/// strings that overflow every integer type, so no id is ever parsed to a number.
/// </summary>
public interface IStringId<TSelf>
    where TSelf : struct, IStringId<TSelf>
{
    string Value { get; }

    static abstract TSelf Create(string value);
}

internal static class StringId
{
    public static string Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must be a non-empty string.", nameof(value));
        }

        return value.Trim();
    }
}
