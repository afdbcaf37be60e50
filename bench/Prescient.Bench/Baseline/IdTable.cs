using System.Runtime.InteropServices;
using System.Text;
using Prescient.Domain.Ids;

namespace Prescient.Bench.Baseline;

/// <summary>
/// Turns UTF-8 id text into a typed id, creating each distinct id's string once: a feed repeats
/// the same few hundred 77-digit token ids millions of times. Looked up by the raw bytes (no
/// transcoding, a cheap hash of the id's ends), so a known id costs no allocation. Past
/// <see cref="Capacity"/> distinct ids it stops remembering (ids still come out right, they just allocate).
/// </summary>
internal sealed class IdTable<TId>
    where TId : struct, IStringId<TId>
{
    private const int Capacity = 200_000;
    private readonly Dictionary<byte[], TId> _ids = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], TId>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public IdTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The id for the text, or null when the text is empty or blank.</summary>
    public TId? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        if (_lookup.TryGetValue(utf8, out var id))
        {
            return id;
        }

        var text = Encoding.UTF8.GetString(utf8);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        id = TId.Create(text);
        if (_ids.Count < Capacity)
        {
            _ids[utf8.ToArray()] = id;
        }

        return id;
    }

    /// <summary>Byte-wise equality; the hash mixes the length with the first and last 8 bytes, where token ids differ.</summary>
    private sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8KeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length < 8)
            {
                var hash = new HashCode();
                hash.AddBytes(bytes);
                return hash.ToHashCode();
            }

            var head = MemoryMarshal.Read<ulong>(bytes);
            var tail = MemoryMarshal.Read<ulong>(bytes[^8..]);
            return HashCode.Combine(bytes.Length, head, tail);
        }
    }
}
