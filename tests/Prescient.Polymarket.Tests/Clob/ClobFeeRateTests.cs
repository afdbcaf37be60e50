using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Tests.Server;

namespace Prescient.Polymarket.Tests.Clob;

/// <summary><c>GET /fee-rate</c> through the real registration (transport, retries, rate limiter) against the fake CLOB on loopback.</summary>
public sealed class ClobFeeRateTests
{
    private const string Token = "111128191581505463501777127559667396812474366956707382672202929745167742497287";

    [Fact]
    public async Task GetFeeRateAsync_NumberAsInTheDocs_IsTheBaseFeeInBps()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.FeeRates[Token] = """{"base_fee": 30}""");

        var bps = await host.Clob.GetFeeRateAsync(TokenId.Create(Token), CancellationToken.None);

        Assert.Equal(30m, bps);
        var request = Assert.Single(host.Server.Requests(FakePolymarketServer.FeeRate));
        Assert.Equal($"/clob/fee-rate?token_id={Token}", request.PathAndQuery);
    }

    [Fact]
    public async Task GetFeeRateAsync_StringAsRecorded_IsTheBaseFeeInBps()
    {
        await using var host = await PolymarketTestHost.StartAsync(s =>
            s.FeeRates[Token] = FixtureData.Object("clob/fee_rate_nonzero.json").ToJsonString());

        var bps = await host.Source.GetFeeRateAsync(TokenId.Create(Token), CancellationToken.None);

        Assert.Equal(150m, bps);
    }

    [Fact]
    public async Task GetFeeRateAsync_UnknownToken_404IsNullAndNotRetried()
    {
        await using var host = await PolymarketTestHost.StartAsync();

        var bps = await host.Clob.GetFeeRateAsync(TokenId.Create(Token), CancellationToken.None);

        Assert.Null(bps);
        Assert.Single(host.Server.Requests(FakePolymarketServer.FeeRate));
    }

    [Fact]
    public async Task GetFeeRateAsync_TruncatedBodyOnce_IsRetriedAndRead()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.FeeRates[Token] = """{"base_fee":"150"}""");
        host.Server.Enqueue(FakePolymarketServer.FeeRate, new Fault.TruncatedJson());

        var bps = await host.Clob.GetFeeRateAsync(TokenId.Create(Token), CancellationToken.None);

        Assert.Equal(150m, bps);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.FeeRate).Count);
        Assert.Contains("malformed JSON", Assert.Single(host.Logs.WithEventId(1001)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFeeRateAsync_TruncatedOnEveryAttempt_IsUnavailable()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.FeeRates[Token] = """{"base_fee":"150"}""");
        host.Server.Enqueue(FakePolymarketServer.FeeRate, new Fault.TruncatedJson(), new Fault.TruncatedJson(), new Fault.TruncatedJson(), new Fault.TruncatedJson());

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => host.Clob.GetFeeRateAsync(TokenId.Create(Token), CancellationToken.None));

        Assert.Contains("CLOB", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, host.Server.Requests(FakePolymarketServer.FeeRate).Count);
    }

    [Fact]
    public async Task GetFeeRateAsync_429WithRetryAfter_WaitsTheCappedRetryAfterThenReads()
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.FeeRates[Token] = """{"base_fee": 30}""", o => o.RetryBaseDelay = TimeSpan.Zero);
        host.Server.Enqueue(FakePolymarketServer.FeeRate, new Fault.Status(429, "Too Many Requests", "text/plain", RetryAfter: "1"));

        var bps = await host.Clob.GetFeeRateAsync(TokenId.Create(Token), CancellationToken.None);

        Assert.Equal(30m, bps);
        Assert.Equal(2, host.Server.Requests(FakePolymarketServer.FeeRate).Count);
        var retry = Assert.Single(host.Logs.WithEventId(1001));
        Assert.Equal(20d, retry.Values["DelayMs"]);
        Assert.Contains("HTTP 429", retry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"base_fee":"ten"}""")]
    [InlineData("""{"base_fee":-5}""")]
    [InlineData("""{"fee_rate_bps":30}""")]
    [InlineData("""[30]""")]
    public async Task GetFeeRateAsync_NoUsableBaseFee_IsUnavailableNotAGuess(string body)
    {
        await using var host = await PolymarketTestHost.StartAsync(s => s.FeeRates[Token] = body);

        var error = await Assert.ThrowsAsync<MarketDataUnavailableException>(() => host.Clob.GetFeeRateAsync(TokenId.Create(Token), CancellationToken.None));

        Assert.Contains("/fee-rate", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Server.Requests(FakePolymarketServer.FeeRate));
    }
}
