using System.Net.Http.Json;
using System.Text.Json;

namespace Prescient.Integration.Tests.Influx;

/// <summary>InfluxQL against the real server (<c>GET /query?db=prescient&amp;epoch=ms</c>): the rows of the first series, by column name.</summary>
internal static class InfluxQuery
{
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> RowsAsync(string influxQl)
    {
        using var http = new HttpClient { BaseAddress = RealServers.InfluxDb, Timeout = TimeSpan.FromSeconds(30) };
        var json = await http.GetFromJsonAsync<JsonElement>($"query?db=prescient&epoch=ms&q={Uri.EscapeDataString(influxQl)}");
        var result = json.GetProperty("results")[0];
        Assert.False(result.TryGetProperty("error", out var error), error.ToString());
        if (!result.TryGetProperty("series", out var series))
        {
            return [];
        }

        var columns = series[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return series[0].GetProperty("values").EnumerateArray()
            .Select(row => (IReadOnlyDictionary<string, JsonElement>)row.EnumerateArray().Select((v, i) => (columns[i], v)).ToDictionary(c => c.Item1, c => c.v))
            .ToArray();
    }

    /// <summary>An InfluxQL string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
