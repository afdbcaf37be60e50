using System.Net.Http.Json;

namespace Prescient.Sample.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task Replies_SameSeedAndTime_ByteIdenticalAcrossServers()
    {
        await using var a = await SampleHarness.StartAsync();
        await using var b = await SampleHarness.StartAsync();
        var tokens = a.Server.Universe.EventsAt(a.Now).SelectMany(e => e.Markets).Take(40).Select(m => new { token_id = m.YesTokenId }).ToList();

        Assert.Equal(await a.GetBytesAsync("events/keyset?limit=200&closed=false"), await b.GetBytesAsync("events/keyset?limit=200&closed=false"));
        Assert.Equal(await a.GetBytesAsync("markets/keyset?limit=100"), await b.GetBytesAsync("markets/keyset?limit=100"));
        Assert.Equal(await PostBooksAsync(a, tokens), await PostBooksAsync(b, tokens));
    }

    [Fact]
    public async Task Replies_DifferentSeed_Differ()
    {
        await using var a = await SampleHarness.StartAsync();
        await using var b = await SampleHarness.StartAsync(new() { Seed = 7 });

        Assert.NotEqual(await a.GetBytesAsync("events/keyset?limit=50&closed=false"), await b.GetBytesAsync("events/keyset?limit=50&closed=false"));
    }

    private static async Task<byte[]> PostBooksAsync(SampleHarness harness, object tokens)
    {
        using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), tokens);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
