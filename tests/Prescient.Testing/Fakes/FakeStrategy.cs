using Prescient.Domain.Books;
using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Markets;
using Prescient.Engine.Signals;

namespace Prescient.Testing.Fakes;

/// <summary>
/// A strategy that signals nothing and whose rule, re-checked at execution, still holds unless
/// <see cref="RecheckSkip"/> says otherwise: for executor tests about everything but the rule.
/// </summary>
public sealed class FakeStrategy(string name = "threshold") : IStrategy
{
    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>What <see cref="Recheck"/> answers; null (the default) means the rule still holds.</summary>
    public SkippedMarket? RecheckSkip { get; set; }

    public int Rechecks { get; private set; }

    public StrategyResult Generate(StrategyContext context) => new([], []);

    public SkippedMarket? Recheck(Signal signal, Market market, OrderBook yes, OrderBook no, Portfolio portfolio, DateTimeOffset now)
    {
        Rechecks++;
        return RecheckSkip;
    }
}
