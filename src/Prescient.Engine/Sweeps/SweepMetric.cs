namespace Prescient.Engine.Sweeps;

/// <summary>The figure a sweep sorts by (descending; a point without it last), by its <c>--sort</c> name.</summary>
public sealed record SweepMetric(string Name, Func<SweepFigures, decimal?> Of)
{
    public static IReadOnlyList<SweepMetric> All { get; } =
    [
        new("return", f => f.TotalReturn),
        new("cagr", f => f.Cagr),
        new("max_drawdown", f => f.MaxDrawdown),
        new("sharpe", f => f.Sharpe),
        new("sortino", f => f.Sortino),
        new("win_rate", f => f.WinRate),
        new("profit_factor", f => f.ProfitFactor),
        new("trades", f => f.Trades),
        new("fees", f => f.FeesPaid),
    ];

    public static SweepMetric Parse(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new SweepInputException($"--sort '{name}' is not a figure; known: {string.Join(", ", All.Select(m => m.Name))}.");

    /// <summary>Orders <paramref name="items"/> by the metric of <paramref name="figures"/>, descending, those without it last, then by <paramref name="index"/>: the same order whatever order they came in.</summary>
    public IEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, SweepFigures> figures, Func<T, int> index) =>
        items.OrderBy(i => Of(figures(i)) is null ? 1 : 0)
            .ThenByDescending(i => Of(figures(i)) ?? 0m)
            .ThenBy(index);

    /// <summary>1 + how many of <paramref name="all"/> are strictly better than <paramref name="value"/> (ties share a rank; without a value: after every value).</summary>
    public static int Rank(decimal? value, IEnumerable<decimal?> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        return 1 + all.Count(v => v is { } other && (value is not { } mine || other > mine));
    }
}
