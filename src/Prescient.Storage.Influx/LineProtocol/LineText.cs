using System.Text;

namespace Prescient.Storage.Influx.LineProtocol;

/// <summary>
/// The escaping of InfluxDB 1.x line protocol. In a name (measurement, tag key, tag value, field
/// key) a comma, an equals sign and a space are written with a backslash before them; InfluxDB 1.x
/// does not unescape a backslash itself, so a backslash is written as it is, except where it would
/// be read as an escape (before a comma, an equals sign or a space, or at the end), which 1.x cannot
/// express: there it becomes a '/'. A name cannot hold a line break either: CR and LF become spaces.
/// In a string field value, inside double quotes, a double quote and a backslash are escaped with a backslash.
/// </summary>
internal static class LineText
{
    public static void AppendName(StringBuilder line, string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            switch (c)
            {
                case ',' or '=' or ' ':
                    line.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    line.Append("\\ ");
                    break;
                case '\\' when i == name.Length - 1 || IsEscaped(name[i + 1]):
                    line.Append('/');
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }
    }

    public static void AppendString(StringBuilder line, string value)
    {
        line.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                line.Append('\\');
            }

            line.Append(c);
        }

        line.Append('"');
    }

    /// <summary>What a name becomes once InfluxDB has read it back: <paramref name="name"/> with the replacements above.</summary>
    public static string AsStored(string name)
    {
        var stored = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            stored.Append(c switch
            {
                '\r' or '\n' => ' ',
                '\\' when i == name.Length - 1 || IsEscaped(name[i + 1]) => '/',
                _ => c,
            });
        }

        return stored.ToString();
    }

    private static bool IsEscaped(char c) => c is ',' or '=' or ' ' or '\r' or '\n';
}
