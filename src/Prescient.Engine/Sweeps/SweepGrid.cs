using System.Globalization;

namespace Prescient.Engine.Sweeps;

/// <summary>The axes of a sweep and their points: every combination, the first axis outermost, numbered in that order.</summary>
public sealed class SweepGrid
{
    /// <summary>The most points one sweep may have.</summary>
    public const int MaxPoints = 10_000;

    public SweepGrid(IReadOnlyList<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new SweepInputException("a sweep needs at least one --grid name=values.");
        }

        if (axes.Select(a => a.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() != axes.Count)
        {
            throw new SweepInputException($"--grid names a parameter twice ({string.Join(", ", axes.Select(a => a.Name))}).");
        }

        var count = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (count > MaxPoints)
        {
            throw new SweepInputException($"the grid has {count:N0} points, more than {MaxPoints:N0}.");
        }

        Axes = axes;
        Points = [.. Enumerable.Range(0, (int)count).Select(Point)];
    }

    public IReadOnlyList<SweepAxis> Axes { get; }

    public IReadOnlyList<SweepPoint> Points { get; }

    /// <summary>Parses every <c>--grid</c> spec (see <see cref="SweepAxis.Parse"/>) for <paramref name="strategy"/>.</summary>
    public static SweepGrid Parse(IEnumerable<string> specs, string strategy)
    {
        ArgumentNullException.ThrowIfNull(specs);
        return new SweepGrid([.. specs.Select(s => SweepAxis.Parse(s, strategy))]);
    }

    private SweepPoint Point(int index)
    {
        var values = new decimal[Axes.Count];
        var rest = index;
        for (var a = Axes.Count - 1; a >= 0; a--)
        {
            values[a] = Axes[a].Values[rest % Axes[a].Values.Count];
            rest /= Axes[a].Values.Count;
        }

        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var a = 0; a < Axes.Count; a++)
        {
            settings[Axes[a].Key] = values[a].ToString(CultureInfo.InvariantCulture);
        }

        return new SweepPoint(index, values, settings);
    }
}

/// <summary>One grid point: its number, one value per axis (in axis order), and the configuration keys they set.</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<decimal> Values, IReadOnlyDictionary<string, string> Settings);
