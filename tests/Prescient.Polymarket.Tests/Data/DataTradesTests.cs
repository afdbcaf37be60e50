using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Trading.Audit;
using Prescient.Polymarket.Data;
using Prescient.Polymarket.Tests.Server;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Data;

/// <summary>The Data API trade tape: the recorded page row by row, and the client against the sample server's <c>/trades</c>.</summary>
public sealed class DataTradesTests
{
    [Fact]
    public void Parse_RecordedPage_EveryRowWithItsFields()
    {
        var rows = Fixtures.Json("data-api/data_api_trades_page.json").AsArray();

        var prints = rows.Select(r => DataTradeParser.Parse(r, out _)).ToArray();

        Assert.Equal(100, prints.Length);
        Assert.All(prints, p => Assert.NotNull(p));
        var first = prints[0]!.Value;
        Assert.Equal("94095653069522705032933828493340661578040481346672859695216723901516023686218", first.Token.Value);
        Assert.True(first.TakerBought);
        Assert.Equal(13.636362m, first.Size);
        Assert.Equal(0.21999995306666104m, first.Price);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770479519), first.At);
        Assert.Contains(prints, p => !p!.Value.TakerBought);
    }

    [Theory]
    [InlineData("""{"asset":"12","side":"sell","size":"5.5","price":"0.25","timestamp":"1770479519"}""", true)]
    [InlineData("""{"asset":"12","side":"BUY","size":5,"price":1.5,"timestamp":1770479519}""", false)]
    [InlineData("""{"asset":"0xab","side":"BUY","size":5,"price":0.5,"timestamp":1770479519}""", false)]
    [InlineData("""{"asset":"12","side":"HOLD","size":5,"price":0.5,"timestamp":1770479519}""", false)]
    [InlineData("""{"asset":"12","side":"BUY","price":0.5,"timestamp":1770479519}""", false)]
    [InlineData("""[1, 2]""", false)]
    public void Parse_NumbersAsTextOrBadRows(string json, bool reads)
    {
        var print = DataTradeParser.Parse(JsonNode.Parse(json), out var problem);

        Assert.Equal(reads, print is not null);
        Assert.Equal(reads, problem is null);
        if (reads)
        {
            Assert.Equal(new MarketPrint(TokenId.Create("12"), false, 5.5m, 0.25m, DateTimeOffset.FromUnixTimeSeconds(1770479519)), print);
        }
    }

    [Fact]
    public async Task GetPrints_AgainstTheSampleServer_TheMarketsTokensOldestFirstSinceTheInstant()
    {
        await using var host = await SampleSourceHost.StartAsync();
        var market = await FirstOpenMarketAsync(host);
        var since = SampleSourceHost.Start.AddHours(-6);

        var prints = await host.Services.GetRequiredService<IMarketPrints>().GetPrintsAsync(market.ConditionId, since, CancellationToken.None);

        Assert.NotEmpty(prints);
        Assert.All(prints, p => Assert.True(p.At >= since && p.At <= SampleSourceHost.Start, $"{p.At}"));
        Assert.Equal(prints.OrderBy(p => p.At), prints);
        Assert.All(prints, p => Assert.Contains(p.Token, new[] { market.YesToken, market.NoToken }));
        Assert.All(prints, p => Assert.InRange(p.Price, 0m, 1m));
        Assert.Contains(prints, p => p.TakerBought);
        Assert.Contains(prints, p => !p.TakerBought);
        Assert.True(host.Server.Stats.Requests(Prescient.Sample.Server.SampleRoutes.DataTrades) >= 1);
    }

    [Fact]
    public async Task GetPrints_UnknownMarket_NoPrints()
    {
        await using var host = await SampleSourceHost.StartAsync();

        var prints = await host.Services.GetRequiredService<IMarketPrints>().GetPrintsAsync(ConditionId.Create("0x" + new string('0', 64)), SampleSourceHost.Start.AddDays(-1), CancellationToken.None);

        Assert.Empty(prints);
    }

    private static async Task<(ConditionId ConditionId, TokenId YesToken, TokenId NoToken)> FirstOpenMarketAsync(SampleSourceHost host)
    {
        await foreach (var page in host.Source.DiscoverOpenEventsAsync(null, CancellationToken.None))
        {
            foreach (var m in page.SelectMany(e => e.Markets).Where(m => m.IsTradeable && m.IsBinary))
            {
                return (m.ConditionId, m.Yes!.TokenId!.Value, m.No!.TokenId!.Value);
            }
        }

        throw new InvalidOperationException("the sample market has no open market");
    }
}
