using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace Prescient.Bench;

/// <summary>
/// The yardstick: the same event pages and book batches Prescient asks for, fetched with a bare
/// HttpClient that reads the bytes and parses nothing (but the cursor). Its wall time is what the
/// server alone needs to serve them.
/// </summary>
internal sealed class RawFetch(HttpClient http, int pageSize, int batchSize, int concurrency)
{
    private static readonly byte[] CursorKey = Encoding.UTF8.GetBytes("\"next_cursor\":\"");

    /// <summary>Fetches every page, then every book batch; the requests made and the seconds each part took.</summary>
    public async Task<(int Requests, double PagesSeconds, double BooksSeconds)> FetchAsync(IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var requests = 0;
        string? cursor = null;
        do
        {
            var url = $"events/keyset?limit={pageSize.ToString(CultureInfo.InvariantCulture)}&active=true&closed=false&archived=false"
                + (cursor is null ? string.Empty : "&after_cursor=" + Uri.EscapeDataString(cursor));
            var body = await http.GetByteArrayAsync(new Uri(url, UriKind.Relative), ct);
            requests++;
            cursor = NextCursor(body);
        }
        while (cursor is not null);

        var pagesSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var batches = tokens.Chunk(batchSize).ToArray();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (batch, token) =>
            {
                using var response = await http.PostAsJsonAsync(
                    new Uri("books", UriKind.Relative), batch.Select(t => new { token_id = t }), token);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync(token);
            });
        return (requests + batches.Length, pagesSeconds, clock.Elapsed.TotalSeconds);
    }

    private static string? NextCursor(byte[] body)
    {
        var at = body.AsSpan().LastIndexOf(CursorKey);
        if (at < 0)
        {
            return null;
        }

        var start = at + CursorKey.Length;
        var end = body.AsSpan(start).IndexOf((byte)'"');
        return end <= 0 ? null : Encoding.UTF8.GetString(body, start, end);
    }
}
