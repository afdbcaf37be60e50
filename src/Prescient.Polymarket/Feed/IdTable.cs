using System.Text;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Turns UTF-8 id text into a typed id, creating each distinct id's string once: a feed repeats
/// the same few hundred 77-digit token ids millions of times. Past <see cref="Capacity"/> distinct
/// ids it stops remembering (ids still come out right, they just allocate).
/// </summary>
internal sealed class IdTable<TId>
    where TId : struct, IStringId<TId>
{
    private const int Capacity = 200_000;
    private readonly Dictionary<string, TId> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TId>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public IdTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The id for the text, or null when the text is empty or blank.</summary>
    public TId? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        Span<char> buffer = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        if (_lookup.TryGetValue(chars, out var id))
        {
            return id;
        }

        var text = new string(chars);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        id = TId.Create(text);
        if (_ids.Count < Capacity)
        {
            _ids[text] = id;
        }

        return id;
    }
}
