using System.Runtime.InteropServices;
using System.Text;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

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
    private const int RecentCount = 4;
    private readonly Dictionary<byte[], TId> _ids = new(Utf8KeyComparer.Instance);

    // The last few ids found, compared byte for byte before the dictionary is asked: the entries of a
    // price_change frame name the same one or two tokens (a market's pair) over and over.
    private readonly byte[]?[] _recentKeys = new byte[RecentCount][];
    private readonly TId[] _recentIds = new TId[RecentCount];
    private int _nextRecent;
    private readonly Dictionary<byte[], TId>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public IdTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The id for the text, or null when the text is empty or blank.</summary>
    public TId? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        for (var i = 0; i < RecentCount; i++)
        {
            if (utf8.SequenceEqual(_recentKeys[i]))
            {
                return _recentIds[i];
            }
        }

        if (_lookup.TryGetValue(utf8, out var key, out var id))
        {
            _recentKeys[_nextRecent] = key;
            _recentIds[_nextRecent] = id;
            _nextRecent = (_nextRecent + 1) % RecentCount;
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
