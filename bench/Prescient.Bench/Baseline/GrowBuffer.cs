namespace Prescient.Bench.Baseline;

/// <summary>A reusable list of structs that keeps its array between frames, so reading a frame allocates nothing once warm.</summary>
internal sealed class GrowBuffer<T>
    where T : struct
{
    private T[] _items = new T[32];

    public int Count { get; private set; }

    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    public ref T this[int index] => ref _items[index];

    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public void Clear() => Count = 0;
}
