namespace Prescient.Polymarket.Feed;

/// <summary>
/// A frame as one line of a feed tape, in agreement with the reader (<c>FeedTapeFrames</c>), which cuts
/// at a line break and at <c>;;</c>. A frame without either is kept byte for byte. Otherwise it is
/// rewritten without changing the JSON it holds: a line break between tokens becomes a space, one inside
/// a string (not valid JSON, but kept) its escape <c>\n</c> or <c>\r</c>, and a <c>;</c> inside a string
/// <c>\u003b</c>; outside strings (never in JSON) a <c>;</c> after a <c>;</c> gets a space before it.
/// </summary>
internal static class FeedTapeLine
{
    /// <summary>The line's bytes, ending with <c>\n</c>.</summary>
    public static byte[] Of(ReadOnlySpan<byte> frame)
    {
        if (frame.IndexOfAny((byte)'\n', (byte)'\r') < 0 && frame.IndexOf(";;"u8) < 0)
        {
            var line = new byte[frame.Length + 1];
            frame.CopyTo(line);
            line[^1] = (byte)'\n';
            return line;
        }

        return Rewrite(frame);
    }

    private static byte[] Rewrite(ReadOnlySpan<byte> frame)
    {
        var line = new List<byte>(frame.Length + 16);
        var (inString, escaped, afterSemicolon) = (false, false, false);
        foreach (var b in frame)
        {
            if (inString)
            {
                // After a backslash only the escape's letter is written, so that the escape stays one.
                var escape = b switch { (byte)'\n' => "n"u8, (byte)'\r' => "r"u8, (byte)';' => "u003b"u8, _ => [] };
                if (escape.IsEmpty)
                {
                    line.Add(b);
                    inString = escaped || b != (byte)'"';
                }
                else
                {
                    if (!escaped)
                    {
                        line.Add((byte)'\\');
                    }

                    line.AddRange(escape);
                }

                escaped = !escaped && b == (byte)'\\';
                continue;
            }

            if (b is (byte)'\n' or (byte)'\r')
            {
                line.Add((byte)' ');
            }
            else
            {
                if (b == (byte)';' && afterSemicolon)
                {
                    line.Add((byte)' ');
                }

                line.Add(b);
                inString = b == (byte)'"';
            }

            afterSemicolon = b == (byte)';';
        }

        line.Add((byte)'\n');
        return [.. line];
    }
}
