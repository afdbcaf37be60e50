using System.Globalization;
using System.Text;

namespace Prescient.Storage.Influx.Tests.LineProtocol;

/// <summary>A parsed line: string fields as strings, <c>i</c> integers as longs, t/f as bools, the rest as decimals.</summary>
internal sealed record ParsedLine(string Measurement, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, object> Fields, long Timestamp);

/// <summary>
/// A tiny line-protocol reader that reads the way InfluxDB 1.x's does: a backslash and the character
/// after it are skipped together while looking for a delimiter, and only <c>\,</c> <c>\=</c> <c>\ </c>
/// are unescaped in names; in a quoted string, <c>\"</c> and <c>\\</c>.
/// </summary>
internal static class LineParser
{
    public static ParsedLine Parse(string line)
    {
        var i = 0;
        var measurement = Name(line, ref i, ',', ' ');
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        while (line[i] == ',')
        {
            i++;
            var key = Name(line, ref i, '=');
            i++;
            tags.Add(key, Name(line, ref i, ',', ' '));
        }

        i++;
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        while (true)
        {
            var key = Name(line, ref i, '=');
            i++;
            fields.Add(key, Value(line, ref i));
            if (line[i] == ' ')
            {
                break;
            }

            i++;
        }

        var timestamp = long.Parse(line.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new ParsedLine(measurement, tags, fields, timestamp);
    }

    private static string Name(string line, ref int i, params char[] ends)
    {
        var start = i;
        while (i < line.Length && !ends.Contains(line[i]))
        {
            i += line[i] == '\\' ? 2 : 1;
        }

        var raw = line[start..i];
        var name = new StringBuilder(raw.Length);
        for (var j = 0; j < raw.Length; j++)
        {
            if (raw[j] == '\\' && j + 1 < raw.Length && raw[j + 1] is ',' or '=' or ' ')
            {
                j++;
            }

            name.Append(raw[j]);
        }

        return name.ToString();
    }

    private static object Value(string line, ref int i)
    {
        if (line[i] == '"')
        {
            var text = new StringBuilder();
            for (i++; line[i] != '"'; i++)
            {
                if (line[i] == '\\' && line[i + 1] is '"' or '\\')
                {
                    i++;
                }

                text.Append(line[i]);
            }

            i++;
            return text.ToString();
        }

        var start = i;
        while (line[i] is not (',' or ' '))
        {
            i++;
        }

        var raw = line[start..i];
        return raw switch
        {
            "true" or "t" or "T" or "True" or "TRUE" => true,
            "false" or "f" or "F" or "False" or "FALSE" => false,
            _ when raw.EndsWith('i') => long.Parse(raw[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            _ => decimal.Parse(raw, NumberStyles.Number, CultureInfo.InvariantCulture),
        };
    }
}
