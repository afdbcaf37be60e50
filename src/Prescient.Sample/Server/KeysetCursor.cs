using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Prescient.Sample.Server;

/// <summary>
/// An opaque keyset cursor: base64url of "v1:&lt;query fingerprint&gt;:&lt;last id&gt;[:&lt;last sort key&gt;]".
/// It is bound to the query that produced it, so a cursor sent with different filters is refused.
/// </summary>
internal static class KeysetCursor
{
    public static string Encode(string fingerprint, long lastId, decimal? lastKey = null)
    {
        var text = $"v1:{Hash(fingerprint)}:{lastId.ToString(CultureInfo.InvariantCulture)}";
        if (lastKey is { } key)
        {
            text += ":" + key.ToString(CultureInfo.InvariantCulture);
        }

        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    /// <summary>Reads a cursor; the error is the Gamma-style message to send with a 422, or null when valid.</summary>
    public static string? TryDecode(string cursor, string fingerprint, out long lastId, out decimal? lastKey)
    {
        lastId = 0;
        lastKey = null;
        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return "invalid cursor";
        }

        var parts = text.Split(':');
        if (parts.Length is < 3 or > 4 || parts[0] != "v1" || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out lastId))
        {
            return "invalid cursor";
        }

        if (parts.Length == 4)
        {
            if (!decimal.TryParse(parts[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var key))
            {
                return "invalid cursor";
            }

            lastKey = key;
        }

        return parts[1] == Hash(fingerprint) ? null : "cursor does not match the query";
    }

    private static string Hash(string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)), 0, 8);
}
