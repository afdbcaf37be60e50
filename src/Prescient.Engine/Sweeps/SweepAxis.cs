using System.Globalization;

namespace Prescient.Engine.Sweeps;

/// <summary>One swept parameter: its name as given, the configuration key it sets, and its values in the order given (a range ascending).</summary>
public sealed record SweepAxis(string Name, string Key, IReadOnlyList<decimal> Values)
{
    /// <summary>The most values one axis may have.</summary>
    public const int MaxValues = 1_000;

    /// <summary>
    /// <c>name=a:b:step</c> (a, a + step, … up to b inclusive, exact decimals: step must divide b − a) or
    /// <c>name=a,b,c</c> (distinct values). Throws <see cref="SweepInputException"/> with one line saying what is wrong.
    /// </summary>
    public static SweepAxis Parse(string spec, string strategy)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == spec.Length - 1)
        {
            throw new SweepInputException($"--grid '{spec}' must be name=a:b:step or name=a,b,c.");
        }

        var name = spec[..equals].Trim();
        var key = SweepParameters.Key(name, strategy);
        var text = spec[(equals + 1)..].Trim();
        var values = text.Contains(':', StringComparison.Ordinal) ? Range(name, text) : List(name, text);
        return new SweepAxis(name, key, values);
    }

    private static decimal[] Range(string name, string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            throw new SweepInputException($"--grid {name}={text}: a range is start:end:step.");
        }

        var (start, end, step) = (Number(name, parts[0]), Number(name, parts[1]), Number(name, parts[2]));
        if (step <= 0m)
        {
            throw new SweepInputException($"--grid {name}={text}: the step must be more than 0.");
        }

        if (end < start)
        {
            throw new SweepInputException($"--grid {name}={text}: the end is below the start.");
        }

        if ((end - start) % step != 0m)
        {
            throw new SweepInputException($"--grid {name}={text}: the step does not reach the end exactly (end − start must be a multiple of it).");
        }

        var count = ((end - start) / step) + 1m;
        if (count > MaxValues)
        {
            throw new SweepInputException($"--grid {name}={text}: {count:0} values, more than {MaxValues}.");
        }

        return [.. Enumerable.Range(0, (int)count).Select(i => start + (i * step))];
    }

    private static decimal[] List(string name, string text)
    {
        var values = text.Split(',').Select(v => Number(name, v)).ToArray();
        if (values.Distinct().Count() != values.Length)
        {
            throw new SweepInputException($"--grid {name}={text}: a value is given twice.");
        }

        return values.Length <= MaxValues ? values : throw new SweepInputException($"--grid {name}={text}: more than {MaxValues} values.");
    }

    private static decimal Number(string name, string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SweepInputException($"--grid {name}: '{text.Trim()}' is not a number (invariant culture, e.g. 0.05).");
}
