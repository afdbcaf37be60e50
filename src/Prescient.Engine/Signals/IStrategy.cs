namespace Prescient.Engine.Signals;

/// <summary>
/// Turns markets, quotes, the portfolio and the clock into signals. Pure: the same context gives the
/// same result, so a day can be re-run and replayed.
/// </summary>
public interface IStrategy
{
    /// <summary>Short name written into signals and files ("threshold").</summary>
    string Name { get; }

    /// <summary>The settings in force, as invariant-culture text, for the signals file.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    StrategyResult Generate(StrategyContext context);
}
