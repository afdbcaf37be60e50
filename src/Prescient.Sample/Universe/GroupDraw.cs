namespace Prescient.Sample.Universe;

/// <summary>Draws shared by an event's markets: the neg-risk winner and weights, the ladder's event time.</summary>
internal sealed class GroupDraw
{
    private readonly double[] _weights;

    public GroupDraw(EventKind kind, long start, long end, int count, ref SampleRandom r)
    {
        Count = count;
        _weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            _weights[i] = kind == EventKind.NegRisk ? r.LogBetween(0.01, 1) : 1;
        }

        var pick = r.NextDouble() * _weights.Sum();
        while (Winner < count - 1 && pick >= _weights[Winner])
        {
            pick -= _weights[Winner];
            Winner++;
        }

        HappensAt = start + (long)((end - start) * r.Between(0.1, 1.8));
    }

    public int Count { get; }

    public int Winner { get; }

    public long HappensAt { get; }

    public double LegLogit(int index) => Math.Log(_weights[index]);
}
