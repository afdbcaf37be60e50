using System.Runtime.InteropServices;
using Prescient.Domain.Ids;

namespace Prescient.Engine.Backtest;

/// <summary>
/// Token ids as dictionary keys in the replay loop, hashed on their last 16 characters instead of all 77
/// (a 77-digit id hashed whole at every quote of every step was a tenth of the replay's time); equality is
/// still the whole id, ordinal. Ids are digits from upstream, so their tail tells them apart.
/// </summary>
internal sealed class TokenKeys : IEqualityComparer<TokenId>
{
    public static TokenKeys Instance { get; } = new();

    public bool Equals(TokenId x, TokenId y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal);

    public int GetHashCode(TokenId token)
    {
        var value = token.Value.AsSpan();
        var tail = value[Math.Max(0, value.Length - 16)..];
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(tail));
        return hash.ToHashCode();
    }
}
