using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Prescient.Bench;

/// <summary>
/// <c>fetch-process --url U</c>: the whole-process yardstick for <c>prescient refresh</c>. It fetches
/// the same event pages (<c>/events/keyset</c>, 500 a page, the same filters re-sent), decodes each
/// page as JSON, takes both tokens of every open market that accepts orders, fetches their books with
/// <c>POST /books</c> in batches of 500, 4 at once, decodes each reply as JSON, and writes nothing:
/// what any client must do to hold the same data. Timed from outside (farm-bench) against a
/// <c>prescient refresh</c> process on the same server.
/// </summary>
internal static class FetchProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--url");
        var url = at >= 0 && at + 1 < args.Length ? args[at + 1] : "http://127.0.0.1:5077/";
        using var http = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/") };
        var tokens = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var query = "events/keyset?limit=500&active=true&closed=false&archived=false"
                + (cursor is null ? string.Empty : "&after_cursor=" + Uri.EscapeDataString(cursor));
            using var page = JsonDocument.Parse(await http.GetByteArrayAsync(new Uri(query, UriKind.Relative)));
            pages++;
            cursor = page.RootElement.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            foreach (var e in page.RootElement.GetProperty("events").EnumerateArray())
            {
                foreach (var m in e.TryGetProperty("markets", out var markets) ? markets.EnumerateArray() : default)
                {
                    if (Flag(m, "acceptingOrders") && !Flag(m, "closed") && m.TryGetProperty("clobTokenIds", out var ids) && ids.ValueKind == JsonValueKind.String)
                    {
                        tokens.AddRange(JsonSerializer.Deserialize<string[]>(ids.GetString()!) ?? []);
                    }
                }
            }
        }
        while (!string.IsNullOrEmpty(cursor));

        var books = 0;
        var batches = tokens.Chunk(500).ToArray();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            using var response = await http.PostAsJsonAsync(new Uri("books", UriKind.Relative), batch.Select(t => new { token_id = t }), ct);
            response.EnsureSuccessStatusCode();
            using var reply = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            Interlocked.Add(ref books, reply.RootElement.GetArrayLength());
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages} pages, {tokens.Count} tokens, {batches.Length} book batches, {books} books"));
        return 0;
    }

    private static bool Flag(JsonElement market, string name) =>
        market.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
