using System.Globalization;
using System.Text;

namespace Prescient.Storage.Influx.LineProtocol;

/// <summary>
/// One point of InfluxDB 1.x line protocol: <c>measurement,tag=value field=value timestamp</c>.
/// Tags are written sorted by key (what InfluxDB recommends); a tag without a value is left out
/// (1.x refuses empty tag values), and so is a field whose value is null. Decimals are written as
/// their exact invariant text (<c>best_bid=0.43</c>), never through a double; integers carry the
/// <c>i</c> suffix. A point needs at least one field to be written (<see cref="HasFields"/>).
/// </summary>
public sealed class LinePoint
{
    private readonly SortedDictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Value)> _fields = [];

    /// <param name="measurement">Not empty, and not starting with '#' (a comment line in line protocol).</param>
    public LinePoint(string measurement, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(measurement);
        if (measurement[0] == '#')
        {
            throw new ArgumentException($"A measurement cannot start with '#' (a comment in line protocol): '{measurement}'.", nameof(measurement));
        }

        Measurement = measurement;
        Timestamp = timestamp;
    }

    public string Measurement { get; }

    public DateTimeOffset Timestamp { get; }

    public bool HasFields => _fields.Count > 0;

    public LinePoint Tag(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!string.IsNullOrEmpty(value))
        {
            _tags[key] = value;
        }

        return this;
    }

    public LinePoint Field(string key, decimal? value) =>
        value is { } v ? Add(key, v.ToString(CultureInfo.InvariantCulture)) : this;

    public LinePoint Field(string key, long? value) =>
        value is { } v ? Add(key, v.ToString(CultureInfo.InvariantCulture) + "i") : this;

    public LinePoint Field(string key, bool? value) =>
        value is { } v ? Add(key, v ? "true" : "false") : this;

    public LinePoint Field(string key, string? value)
    {
        if (value is null)
        {
            return this;
        }

        var quoted = new StringBuilder(value.Length + 2);
        LineText.AppendString(quoted, value);
        return Add(key, quoted.ToString());
    }

    /// <summary>Appends the line (without its line break) to <paramref name="line"/>.</summary>
    public void WriteTo(StringBuilder line, LinePrecision precision)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!HasFields)
        {
            throw new InvalidOperationException($"The point of '{Measurement}' has no field: line protocol needs at least one.");
        }

        LineText.AppendName(line, Measurement);
        foreach (var (key, value) in _tags)
        {
            line.Append(',');
            LineText.AppendName(line, key);
            line.Append('=');
            LineText.AppendName(line, value);
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            line.Append(i == 0 ? ' ' : ',');
            LineText.AppendName(line, _fields[i].Key);
            line.Append('=').Append(_fields[i].Value);
        }

        line.Append(' ').Append(precision.Since1970(Timestamp).ToString(CultureInfo.InvariantCulture));
    }

    public string ToLine(LinePrecision precision)
    {
        var line = new StringBuilder(64);
        WriteTo(line, precision);
        return line.ToString();
    }

    private LinePoint Add(string key, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _fields.RemoveAll(f => f.Key == key);
        _fields.Add((key, text));
        return this;
    }
}
