using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Domain.Ids;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

public sealed class FeedSettingsTests
{
    [Fact]
    public void Options_Defaults_AreValidAndDocumented()
    {
        var options = new MarketFeedOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(new Uri("wss://ws-subscriptions-clob.polymarket.com/ws/market"), options.Url);
        Assert.Equal((500, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)), (options.MaxTokensPerConnection, options.PingInterval, options.SilenceTimeout));
    }

    [Fact]
    public void Options_BadValues_AreAllListed()
    {
        var options = new MarketFeedOptions { Url = new Uri("https://example.com"), MaxTokensPerConnection = 0, SilenceTimeout = TimeSpan.Zero };

        Assert.Equal(3, options.Validate().Count);
        Assert.Throws<ArgumentException>(() => new MarketFeedClient(options, new RecordingSink()));
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 0.998, 999)]
    [InlineData(3, 0.0, 4000)]
    [InlineData(10, 0.0, 30000)]
    [InlineData(40, 0.5, 45000)]
    public void Backoff_DoublesWithJitterUpToTheMaximum(int attempt, double jitter, int expectedMs)
    {
        var delay = ReconnectBackoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), jitter);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, 0);
    }

    [Fact]
    public void Subscription_InitialMessage_HasTheDocumentedFieldNames()
    {
        var text = System.Text.Encoding.UTF8.GetString(SubscriptionMessages.Initial([TokenId.Create("1"), TokenId.Create("2")], initialDump: true, customFeatures: true));

        Assert.Equal("""{"assets_ids":["1","2"],"type":"market","initial_dump":true,"custom_feature_enabled":true}""", text);
        Assert.Equal("""{"assets_ids":["3"],"operation":"unsubscribe"}""", System.Text.Encoding.UTF8.GetString(SubscriptionMessages.Unsubscribe([TokenId.Create("3")])));
    }

    [Fact]
    public void GuardedSink_ThrowingSink_IsCountedAndTheFrameGoesOn()
    {
        var sink = new GuardedSink(new ThrowingOnBookSink(), NullLogger.Instance);
        var keeper = new FeedBookKeeper(sink);

        var result = new MarketFrameParser().Parse(FeedFixtures.Utf8(FeedFixtures.ReplayFrames()[0]), keeper);

        Assert.Equal(24, result.Messages);
        Assert.Equal(24, sink.Failures);
        Assert.Equal(24, keeper.Books.Count(b => b.Value.HasSnapshot));
    }

    private sealed class ThrowingOnBookSink : IMarketFeedSink
    {
        public void OnBook(IBookView book, bool isSnapshot) => throw new InvalidOperationException("consumer bug");
    }
}
