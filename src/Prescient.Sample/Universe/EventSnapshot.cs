namespace Prescient.Sample.Universe;

/// <summary>An event and all its markets at one instant; the single source of every wire value.</summary>
internal sealed class EventSnapshot
{
    public EventSnapshot(EventBlueprint blueprint, long ticks)
    {
        Blueprint = blueprint;
        Ticks = ticks;
        var history = MarketModel.History(blueprint, ticks);
        Markets = new MarketState[blueprint.Markets.Length];
        for (var i = 0; i < Markets.Length; i++)
        {
            Markets[i] = MarketModel.State(blueprint, i, ticks, history);
        }
    }

    public EventBlueprint Blueprint { get; }

    /// <summary>The instant, UTC ticks.</summary>
    public long Ticks { get; }

    public MarketState[] Markets { get; }

    public DateTimeOffset Now => new(Ticks, TimeSpan.Zero);

    public bool Closed => Blueprint.IsClosedAt(Ticks);

    public decimal Liquidity => Markets.Sum(m => m.Liquidity);

    public decimal Volume => Markets.Sum(m => m.Volume);

    public decimal Volume24h => Markets.Sum(m => m.Volume24h);

    public decimal Volume1wk => Markets.Sum(m => m.Volume1wk);

    public decimal Volume1mo => Markets.Sum(m => m.Volume1mo);

    public decimal Volume1yr => Markets.Sum(m => m.Volume1yr);
}
