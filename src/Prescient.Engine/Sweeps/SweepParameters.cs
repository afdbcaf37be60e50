namespace Prescient.Engine.Sweeps;

/// <summary>
/// The names <c>--grid</c> takes and the configuration key each sets for a strategy. A name with a ':'
/// is a configuration key as it stands (<c>Strategy:Longshot:Stake</c>), so a strategy of one's own can be
/// swept too. The exit rules (section <c>Exits</c>) are names for every strategy: a backtest runs them.
/// </summary>
public static class SweepParameters
{
    private static readonly SortedDictionary<string, string> Threshold = new(StringComparer.Ordinal)
    {
        ["threshold"] = "Strategy:Threshold",
        ["stake"] = "Strategy:Stake",
        ["max_spread"] = "Strategy:MaxSpread",
        ["max_entry_price"] = "Strategy:MaxEntryPrice",
        ["min_book_depth"] = "Strategy:MinBookDepth",
    };

    private static readonly SortedDictionary<string, string> Favourite = new(StringComparer.Ordinal)
    {
        ["min_price"] = "Strategy:Favourite:MinPrice",
        ["max_price"] = "Strategy:Favourite:MaxPrice",
        ["stake"] = "Strategy:Favourite:Stake",
        ["max_spread"] = "Strategy:Favourite:MaxSpread",
        ["min_book_depth"] = "Strategy:Favourite:MinBookDepth",
    };

    private static readonly SortedDictionary<string, string> Any = new(StringComparer.Ordinal)
    {
        ["half_spread"] = "Backtest:HalfSpread",
        ["level_shares"] = "Backtest:LevelShares",
    };

    private static readonly SortedDictionary<string, string> Exits = new(StringComparer.Ordinal)
    {
        ["take_profit"] = "Exits:TakeProfit",
        ["stop_loss"] = "Exits:StopLoss",
        ["hours_before_end"] = "Exits:HoursBeforeEnd",
    };

    /// <summary>The names known for <paramref name="strategy"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> Known(string strategy) =>
        [.. Own(strategy).Keys.Concat(Any.Keys).Concat(Exits.Keys).Order(StringComparer.Ordinal)];

    /// <summary>The configuration key of <paramref name="name"/> for <paramref name="strategy"/>; a <see cref="SweepInputException"/> in one line, naming the known names, when there is none.</summary>
    public static string Key(string name, string strategy)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains(':', StringComparison.Ordinal))
        {
            return name;
        }

        if (Own(strategy).TryGetValue(name, out var key) || Any.TryGetValue(name, out key) || Exits.TryGetValue(name, out key))
        {
            return key;
        }

        throw new SweepInputException($"--grid {name} is not a parameter of {strategy}; known: {string.Join(", ", Known(strategy))} (or a configuration key such as Strategy:Stake).");
    }

    private static SortedDictionary<string, string> Own(string strategy) => strategy switch
    {
        "threshold" => Threshold,
        "favourite" => Favourite,
        _ => new SortedDictionary<string, string>(StringComparer.Ordinal),
    };
}
