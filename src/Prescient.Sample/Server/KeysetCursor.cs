using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Prescient.Sample.Server;

/// <summary>
/// An opaque keyset cursor: base64url of "v1:&lt;query fingerprint&gt;:&lt;last id&gt;". It is bound
/// to the query that produced it, so a cursor sent with different filters is refused.
/// </summary>
internal static class KeysetCursor
{
    public static string Encode(string fingerprint, long lastId) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"v1:{Hash(fingerprint)}:{lastId.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Reads a cursor; the error is the Gamma-style message to send with a 422, or null when valid.</summary>
    public static string? TryDecode(string cursor, string fingerprint, out long lastId)
    {
        lastId = 0;
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
        if (parts.Length != 3 || parts[0] != "v1" || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out lastId))
        {
            return "invalid cursor";
        }

        return parts[1] == Hash(fingerprint) ? null : "cursor does not match the query";
    }

    private static string Hash(string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)), 0, 8);
}
