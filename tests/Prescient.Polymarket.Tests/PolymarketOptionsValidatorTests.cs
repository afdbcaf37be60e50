namespace Prescient.Polymarket.Tests;

public sealed class PolymarketOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(Action<PolymarketOptions> change)
    {
        var options = new PolymarketOptions();
        change(options);
        return new PolymarketOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];
    }

    [Fact]
    public void Validate_Defaults_AreValidAndMatchTheDocumentedValues()
    {
        var o = new PolymarketOptions();

        Assert.Empty(Failures(_ => { }));
        Assert.Equal(new Uri("https://gamma-api.polymarket.com"), o.GammaUrl);
        Assert.Equal(new Uri("https://clob.polymarket.com"), o.ClobUrl);
        Assert.Equal((500, 1000, 500, 4, 5), (o.EventsPageSize, o.MaxPages, o.BooksBatchSize, o.BooksConcurrency, o.MaxRetries));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2)), (o.AttemptTimeout, o.TotalTimeout));
        Assert.Equal((4000, 500, 9000, 500), (o.GammaRateLimit, o.GammaEventsRateLimit, o.ClobRateLimit, o.ClobBooksRateLimit));
        Assert.Equal("Prescient/1.0 (+paper trading)", o.UserAgent);
        Assert.Equal(Prescient.Engine.Markets.MarketSourceInfo.Live, o.Source);
    }

    [Theory]
    [InlineData("EventsPageSize", "Polymarket:EventsPageSize must be between 1 and 500 (got 501).")]
    [InlineData("BooksBatchSize", "Polymarket:BooksBatchSize must be between 1 and 500 (got 0).")]
    [InlineData("BooksConcurrency", "Polymarket:BooksConcurrency must be between 1 and 64 (got 0).")]
    [InlineData("MaxRetries", "Polymarket:MaxRetries must be between 0 and 20 (got -1).")]
    [InlineData("AttemptTimeout", "Polymarket:AttemptTimeout (00:05:00) must not exceed Polymarket:TotalTimeout (00:02:00).")]
    [InlineData("GammaUrl", "Polymarket:GammaUrl must be an absolute http or https URL (got 'ftp://example.com/').")]
    [InlineData("UserAgent", "Polymarket:UserAgent must not be empty: Cloudflare may refuse requests without one.")]
    [InlineData("CircuitBreakerFailureRatio", "Polymarket:CircuitBreakerFailureRatio must be greater than 0 and at most 1 (got 0).")]
    [InlineData("ClobBooksRateLimit", "Polymarket:ClobBooksRateLimit must be at least 1 (got 0).")]
    public void Validate_OutOfRange_NamesTheSettingAndItsRange(string setting, string message)
    {
        Action<PolymarketOptions> change = setting switch
        {
            "EventsPageSize" => o => o.EventsPageSize = 501,
            "BooksBatchSize" => o => o.BooksBatchSize = 0,
            "BooksConcurrency" => o => o.BooksConcurrency = 0,
            "MaxRetries" => o => o.MaxRetries = -1,
            "AttemptTimeout" => o => o.AttemptTimeout = TimeSpan.FromMinutes(5),
            "GammaUrl" => o => o.GammaUrl = new Uri("ftp://example.com/"),
            "UserAgent" => o => o.UserAgent = " ",
            "CircuitBreakerFailureRatio" => o => o.CircuitBreakerFailureRatio = 0,
            _ => o => o.ClobBooksRateLimit = 0,
        };

        Assert.Equal([message], Failures(change));
    }
}
