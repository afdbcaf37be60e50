using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Prescient.Sample.Server;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Tests;

/// <summary>The <c>ThinBestLevels</c> and <c>GhostBooks</c> scenarios against the same universe with the switches off.</summary>
public sealed class BookScenarioTests
{
    [Fact]
    public async Task Books_ThinBestLevels_BestLevelsHoldOneToFiveSharesAndTheRestIsUnchanged()
    {
        await using var plain = await SampleHarness.StartAsync();
        await using var thin = await SampleHarness.StartAsync(new SampleServerOptions { Scenarios = new ScenarioOptions { ThinBestLevels = true } });
        var markets = Booked(thin).Take(150).ToArray();

        var before = await BooksAsync(plain, markets);
        var after = await BooksAsync(thin, markets);

        foreach (var market in markets)
        {
            foreach (var token in new[] { market.YesTokenId, market.NoTokenId })
            {
                foreach (var side in new[] { "bids", "asks" })
                {
                    var was = Levels(before[token], side);
                    var now = Levels(after[token], side);
                    Assert.Equal(was.Select(l => l.Price), now.Select(l => l.Price));
                    Assert.Equal(was.Skip(1), now.Skip(1));
                    if (now.Count > 0)
                    {
                        Assert.InRange(now[0].Size, 1m, 5m);
                        Assert.Equal(decimal.Truncate(now[0].Size), now[0].Size);
                    }
                }
            }

            Assert.Equal(Levels(after[market.YesTokenId], "bids").Select(l => (1 - l.Price, l.Size)), Levels(after[market.NoTokenId], "asks").Select(l => (l.Price, l.Size)));
            Assert.Equal(Levels(after[market.YesTokenId], "asks").Select(l => (1 - l.Price, l.Size)), Levels(after[market.NoTokenId], "bids").Select(l => (l.Price, l.Size)));
        }
    }

    [Fact]
    public async Task Books_GhostBooks_OneMarketInTenHasAGhostTokenWhileGammaAndTheOtherTokenShowTheMarket()
    {
        await using var plain = await SampleHarness.StartAsync();
        await using var ghosts = await SampleHarness.StartAsync(new SampleServerOptions { Scenarios = new ScenarioOptions { GhostBooks = true } });
        var markets = Booked(ghosts).ToArray();

        var before = await BooksAsync(plain, markets);
        var after = await BooksAsync(ghosts, markets);

        var ghostTokens = markets.SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).Where(t => ghosts.Server.HasGhostBook(t, ghosts.Now)).ToHashSet();
        Assert.InRange(ghostTokens.Count, markets.Length / 40, markets.Length / 8);
        Assert.Contains(markets, m => ghostTokens.Contains(m.YesTokenId));
        Assert.Contains(markets, m => ghostTokens.Contains(m.NoTokenId));
        Assert.DoesNotContain(markets, m => ghostTokens.Contains(m.YesTokenId) && ghostTokens.Contains(m.NoTokenId));
        foreach (var market in markets)
        {
            foreach (var token in new[] { market.YesTokenId, market.NoTokenId })
            {
                if (ghostTokens.Contains(token))
                {
                    Assert.Equal([(0.01m, GhostBook.Size)], Levels(after[token], "bids"));
                    Assert.Equal([(0.99m, GhostBook.Size)], Levels(after[token], "asks"));
                    Assert.Equal(before[token]["timestamp"]!.GetValue<string>(), after[token]["timestamp"]!.GetValue<string>());
                }
                else
                {
                    Assert.Equal(before[token].ToJsonString(), after[token].ToJsonString());
                }
            }
        }

        var ghostMarket = markets.First(m => ghostTokens.Contains(m.NoTokenId));
        var gamma = (await ghosts.GetJsonAsync("markets/" + ghostMarket.MarketId)).AsObject();
        Assert.Equal(ghostMarket.BestBid, Paging.Dec(gamma["bestBid"]));
        var single = (await ghosts.GetJsonAsync("book?token_id=" + ghostMarket.NoTokenId)).AsObject();
        Assert.Equal(after[ghostMarket.NoTokenId].ToJsonString(), single.ToJsonString());
    }

    [Fact]
    public async Task HasGhostBook_AcrossHours_AGhostComesAndGoesAndIsOffWithoutTheSwitch()
    {
        await using var plain = await SampleHarness.StartAsync();
        await using var ghosts = await SampleHarness.StartAsync(new SampleServerOptions { Scenarios = new ScenarioOptions { GhostBooks = true } });
        var tokens = Booked(ghosts).SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).ToArray();
        var hours = Enumerable.Range(0, 24).Select(h => ghosts.Now.AddHours(h)).ToArray();

        var everGhost = tokens.Where(t => hours.Any(h => ghosts.Server.HasGhostBook(t, h))).ToArray();

        Assert.NotEmpty(everGhost);
        Assert.All(everGhost, t => Assert.Contains(hours, h => !ghosts.Server.HasGhostBook(t, h)));
        Assert.DoesNotContain(tokens, t => hours.Any(h => plain.Server.HasGhostBook(t, h)));
    }

    private static IEnumerable<SampleMarketInfo> Booked(SampleHarness harness) =>
        harness.Server.Universe.EventsAt(harness.Now).SelectMany(e => e.Markets).Where(m => m.HasBook);

    /// <summary><c>POST /books</c> for both tokens of each market, in batches of 500, by token id.</summary>
    private static async Task<Dictionary<string, JsonObject>> BooksAsync(SampleHarness harness, IEnumerable<SampleMarketInfo> markets)
    {
        var books = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var batch in markets.SelectMany(m => new[] { m.YesTokenId, m.NoTokenId }).Chunk(500))
        {
            using var response = await harness.Http.PostAsJsonAsync(new Uri("books", UriKind.Relative), batch.Select(t => new { token_id = t }));
            response.EnsureSuccessStatusCode();
            foreach (var node in JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())
            {
                books[node!["asset_id"]!.GetValue<string>()] = node.AsObject();
            }
        }

        return books;
    }

    /// <summary>A side's levels best first (the wire sends the best last).</summary>
    private static List<(decimal Price, decimal Size)> Levels(JsonObject book, string side) =>
        [.. book[side]!.AsArray().Select(l => (Paging.Dec(l!["price"]), Paging.Dec(l["size"]))).Reverse()];
}
