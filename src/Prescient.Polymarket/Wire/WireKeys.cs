using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Prescient.Polymarket.Wire;

/// <summary>
/// The keys a parser reads from one kind of object, one per member of <typeparamref name="TKey"/>
/// (the member name with its first letter lowered: <c>NegRiskMarketID</c> reads
/// <c>negRiskMarketID</c>). <see cref="Read"/> walks the object's properties once and keeps the
/// values of these keys: a Gamma market has about 90 keys and its parser reads some 35, while
/// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> scans the properties on every
/// call. As with that method, a key given twice keeps its last value.
/// </summary>
internal sealed class WireKeys<TKey>
    where TKey : struct, Enum
{
    /// <summary>Longest name looked up without allocating it (bytes; every key Polymarket sends is shorter).</summary>
    private const int MaxStackName = 64;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _slots;
    private readonly int _count;

    public WireKeys()
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in Enum.GetValues<TKey>())
        {
            var key = member;
            var name = key.ToString();
            slots.Add(char.ToLowerInvariant(name[0]) + name[1..], Unsafe.As<TKey, int>(ref key));
        }

        _count = slots.Count;
        _slots = slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The values of the keys in <paramref name="obj"/>; an absent key (or anything but an object)
    /// reads as <see cref="JsonValueKind.Undefined"/>, which every <see cref="WireReader"/> treats as absent.
    /// </summary>
    public WireFields<TKey> Read(JsonElement obj)
    {
        var values = new JsonElement[_count];
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return new WireFields<TKey>(values);
        }

        Span<char> name = stackalloc char[MaxStackName];
        foreach (var property in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            int slot;
            if (raw.Length <= MaxStackName && !raw.Contains((byte)'\\')
                && Encoding.UTF8.TryGetChars(raw, name, out var length))
            {
                if (!_slots.TryGetValue(name[..length], out slot))
                {
                    continue;
                }
            }
            else if (!_slots.TryGetValue(property.Name, out slot))
            {
                // An escaped or very long name, compared unescaped as TryGetProperty would.
                continue;
            }

            values[slot] = property.Value;
        }

        return new WireFields<TKey>(values);
    }
}

/// <summary>The values <see cref="WireKeys{TKey}.Read"/> found, by key.</summary>
internal readonly struct WireFields<TKey>(JsonElement[] values)
    where TKey : struct, Enum
{
    public JsonElement this[TKey key] => values[Unsafe.As<TKey, int>(ref key)];
}
