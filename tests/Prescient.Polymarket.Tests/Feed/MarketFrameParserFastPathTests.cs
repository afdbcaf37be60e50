using Prescient.Bench;
using Prescient.Polymarket.Feed;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>
/// The fast path for single <c>price_change</c> frames against the general path alone: for every
/// frame, recorded, generated or mangled, the parser as built hands on the same calls and returns the
/// same <see cref="FrameResult"/> (error text included) as the parser with the fast path off.
/// </summary>
public sealed class MarketFrameParserFastPathTests
{
    /// <summary>The replay's first price change, as recorded.</summary>
    private const string Recorded =
        """{"market":"0x865ac5b1fdc1706ca8cf0f25cc63544b5abcbb6819e25d52d9ac3ee4b3446726","price_changes":[{"asset_id":"35897145766259317849531537649732979331853484456543966713822507439506839868603","price":"0.5","size":"81.07","side":"BUY","hash":"764aa68dbe90b5cc7ff74258bb00b207c2420e4b","best_bid":"0.52","best_ask":"0.54"},{"asset_id":"18124776046378286261632296176797913974857552946923528818498431780145315271239","price":"0.5","size":"81.07","side":"SELL","hash":"c9766abb388fc1e4c8f30371031faa91a6eab910","best_bid":"0.46","best_ask":"0.48"}],"timestamp":"1779223899159","event_type":"price_change"}""";

    private const string FirstEntry =
        """{"asset_id":"35897145766259317849531537649732979331853484456543966713822507439506839868603","price":"0.5","size":"81.07","side":"BUY","hash":"764aa68dbe90b5cc7ff74258bb00b207c2420e4b","best_bid":"0.52","best_ask":"0.54"}""";

    [Fact]
    public void Parse_EveryReplayFrame_SameAsTheGeneralPath()
    {
        var frames = FeedFixtures.ReplayFrames();

        AssertSame(frames);
        Assert.Equal(109, frames.Count(f => new MarketFrameParser().TryParsePriceChange(FeedFixtures.Utf8(f), new CallLog())));
    }

    [Fact]
    public void Parse_GeneratedTape_SameAsTheGeneralPathAndAllFast()
    {
        var tape = FeedTape.Create(Fixtures.Path(FeedFixtures.Replay), 2_000, seed: 7);
        var frames = tape.Frames.Select(System.Text.Encoding.UTF8.GetString).Prepend(System.Text.Encoding.UTF8.GetString(tape.Dump)).ToList();

        AssertSame(frames);
        Assert.All(tape.Frames, f => Assert.True(new MarketFrameParser().TryParsePriceChange(f, new CallLog())));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Parse_Variant_SameAsTheGeneralPath(string frame, bool fast)
    {
        AssertSame([frame]);
        Assert.Equal(fast, new MarketFrameParser().TryParsePriceChange(FeedFixtures.Utf8(frame.Trim()), new CallLog()));
    }

    /// <summary>Each variant, and whether the fast path takes it (every other one falls back to the general path).</summary>
    public static TheoryData<string, bool> Variants() => new()
    {
        { Recorded, true },
        { Edit("\"timestamp\":\"1779223899159\",\"event_type\":\"price_change\"", "\"event_type\":\"price_change\",\"timestamp\":\"1779223899159\""), true },
        { "{\"event_type\":\"price_change\"," + Recorded[1..].Replace(",\"event_type\":\"price_change\"", "", StringComparison.Ordinal), true },
        { Edit("{\"asset_id\":\"35897145766259317849531537649732979331853484456543966713822507439506839868603\",\"price\":\"0.5\",", "{\"price\":\"0.5\",\"asset_id\":\"35897145766259317849531537649732979331853484456543966713822507439506839868603\","), true },
        { Edit("\"best_bid\":\"0.52\",\"best_ask\":\"0.54\"", "\"best_ask\":\"0.54\",\"best_bid\":\"0.52\""), true },
        { Edit("\"price\":\"0.5\"", "\"price\":\"0.50\""), true },
        { Edit("\"size\":\"81.07\"", "\"size\":\"81.070\""), true },
        { Edit("\"size\":\"81.07\"", "\"size\":\"0\""), true },
        { Edit("\"price\":\"0.5\"", "\"price\":\".5\""), true },
        { Edit("\"price\":\"0.5\"", "\"price\":\"1\""), true },
        { Edit("\"best_bid\":\"0.52\"", "\"best_bid\":\"\""), true },
        { Edit("\"best_bid\":\"0.52\"", "\"best_bid\":\"0\""), true },
        { Edit("\"best_ask\":\"0.54\"", "\"best_ask\":\"1\""), true },
        { Edit(",\"best_ask\":\"0.54\"", ""), true },
        { Edit(",\"hash\":\"764aa68dbe90b5cc7ff74258bb00b207c2420e4b\"", ""), true },
        { Edit("764aa68dbe90b5cc7ff74258bb00b207c2420e4b", "not-a-sha1"), true },
        { Edit("764aa68dbe90b5cc7ff74258bb00b207c2420e4b", ""), true },
        { Edit("764aa68dbe90b5cc7ff74258bb00b207c2420e4b", "764AA68DBE90B5CC7FF74258BB00B207C2420E4B"), true },
        { Edit("764aa68dbe90b5cc7ff74258bb00b207c2420e4b", "764aa68dbe90b5cc7ff74258bb00b207c2420e4g"), true },
        { Edit("\"side\":\"BUY\"", "\"side\":\"buy\""), true },
        { Edit("\"side\":\"SELL\"", "\"side\":\"Sell\""), true },
        { Edit("\"asset_id\":\"3589", "\"asset_id\":\"x3589"), true },
        { Edit("\"asset_id\":\"35897145766259317849531537649732979331853484456543966713822507439506839868603\"", "\"asset_id\":\"\""), false },
        { Edit("\"size\":\"81.07\"", "\"size\":\"1e2\""), true },
        { Edit("\"size\":\"81.07\"", "\"size\":\"123456789012345678901.5\""), true },
        { Edit("\"market\":", "\"fee\":\"0\",\"market\":"), true },
        { Edit("\"price\":\"0.5\"", "\"price\":\"0.5\",\"fee\":\"0\",\"fee\":\"1\""), true },
        { Edit("\"price\":\"0.5\"", "\"price\":\"0.5\",\"fee_rate_bps\":\"0\",\"fee_rate_bps\":\"1\""), false },
        { Edit("\"price\":\"0.5\"", "\"price\":\"0.5\",\"market\":\"elsewhere\""), true },
        { Edit("\"market\":\"0x865ac5b1fdc1706ca8cf0f25cc63544b5abcbb6819e25d52d9ac3ee4b3446726\",", ""), true },
        { Edit(",\"timestamp\":\"1779223899159\"", ""), true },
        { Edit("\"market\":\"0x865ac5b1fdc1706ca8cf0f25cc63544b5abcbb6819e25d52d9ac3ee4b3446726\"", "\"market\":\"\""), true },
        { "{\"market\":\"0x1\",\"price_changes\":[],\"event_type\":\"price_change\"}", true },
        { " \r\n" + Recorded + "\n", true },

        // Outside the subset: the general path reads them.
        { Recorded.Replace(",", ", ", StringComparison.Ordinal), false },
        { Recorded.Replace(":", " : ", StringComparison.Ordinal), false },
        { Edit("\"side\":\"BUY\"", "\"side\":\"B\\u0055Y\""), false },
        { Edit("\"asset_id\":\"3589", "\"asset_id\":\"\\u0033589"), false },
        { Edit("\"asset_id\":", "\"asset\\u005fid\":"), false },
        { Edit("\"market\":", "\"f\\\"ee\":\"0\",\"market\":"), false },
        { Edit("\"market\":", "\"fee\":\"caf\u00e9\",\"market\":"), false },
        { Edit("\"market\":", "\"fee\":\"a\tb\",\"market\":"), false },
        { Edit("\"market\":", "\"fee\":0,\"market\":"), false },
        { Edit("\"market\":", "\"fee\":{\"a\":[1,2]},\"market\":"), false },
        { Edit("\"market\":", "\"fee\":null,\"market\":"), false },
        { Edit("\"price\":\"0.5\"", "\"price\":0.5"), false },
        { Edit("\"size\":\"81.07\"", "\"size\":81.07"), false },
        { Edit("\"timestamp\":\"1779223899159\"", "\"timestamp\":1779223899159"), false },
        { Edit("\"market\":\"0x865ac5b1fdc1706ca8cf0f25cc63544b5abcbb6819e25d52d9ac3ee4b3446726\"", "\"market\":null"), false },
        { Edit("\"best_bid\":\"0.52\"", "\"best_bid\":null"), false },
        { Edit("\"hash\":\"764aa68dbe90b5cc7ff74258bb00b207c2420e4b\"", "\"hash\":null"), false },
        { Edit("\"price\":\"0.5\"", "\"price\":\"1.5\""), false },
        { Edit("\"price\":\"0.5\"", "\"price\":\"-0.5\""), false },
        { Edit("\"price\":\"0.5\"", "\"price\":\"\""), false },
        { Edit("\"price\":\"0.5\"", "\"price\":\"0.5.1\""), false },
        { Edit("\"size\":\"81.07\"", "\"size\":\"-1\""), false },
        { Edit("\"best_bid\":\"0.52\"", "\"best_bid\":\"2\""), false },
        { Edit("\"best_ask\":\"0.54\"", "\"best_ask\":\"x\""), false },
        { Edit("\"side\":\"BUY\"", "\"side\":\"HOLD\""), false },
        { Edit(",\"side\":\"BUY\"", ""), false },
        { Edit("\"asset_id\":\"35897145766259317849531537649732979331853484456543966713822507439506839868603\",", ""), false },
        { Edit("\"asset_id\":\"35897145766259317849531537649732979331853484456543966713822507439506839868603\"", "\"asset_id\":\" \""), false },
        { Edit("\"timestamp\":\"1779223899159\"", "\"timestamp\":\"soon\""), false },
        { Edit("\"timestamp\":\"1779223899159\"", "\"timestamp\":\"99999999999999999999\""), false },
        { Edit("\"price\":\"0.5\"", "\"price\":\"0.5\",\"price\":\"0.6\""), false },
        { Edit("\"market\":", "\"timestamp\":\"1\",\"market\":"), false },
        { Edit("\"market\":", "\"asset_id\":\"35897145766259317849531537649732979331853484456543966713822507439506839868603\",\"market\":"), false },
        { Edit("\"market\":", "\"hash\":\"abc\",\"market\":"), false },
        { Edit("\"event_type\":\"price_change\"", "\"event_type\":\"book\""), false },
        { Edit("\"event_type\":\"price_change\"", "\"event_type\":\"tick_size_change\""), false },
        { Edit(",\"event_type\":\"price_change\"", ""), false },
        { Edit("\"price_changes\"", "\"changes\""), false },
        { Edit("]", "],\"changes\":[]"), false },
        { Edit(FirstEntry + ",", ""), true },
        { Edit(FirstEntry, FirstEntry + "," + FirstEntry), true },
        { Edit("]", ",]"), false },
        { Edit("}]", ",}]"), false },
        { Edit("[{", "[1,{"), false },
        { "[" + Recorded + "]", false },
        { "[" + Recorded + "," + Recorded + "]", false },
        { Recorded + Recorded, false },
        { Recorded + "x", false },
        { "{}", false },
        { "PONG", false },
        { "{\"asset_id\":\"1\",\"market\":\"0x1\",\"changes\":[{\"price\":\"0.4\",\"size\":\"3\",\"side\":\"SELL\"}],\"hash\":\"h\",\"timestamp\":\"1\",\"event_type\":\"price_change\"}", false },
        { "{\"asset_id\":\"1\",\"market\":\"0x1\",\"price\":\"0.4\",\"size\":\"3\",\"side\":\"SELL\",\"event_type\":\"price_change\"}", false },
    };

    [Theory]
    [InlineData(0)]
    [InlineData(54)]
    [InlineData(108)]
    public void Parse_PriceChangeCutAtEveryByte_SameAsTheGeneralPath(int replayChange)
    {
        var frame = FeedFixtures.ReplayFrames().Where(f => f.Contains("\"price_change\"", StringComparison.Ordinal)).ElementAt(replayChange);

        for (var length = 0; length < frame.Length; length++)
        {
            AssertSame([frame[..length]]);
        }
    }

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Recorded, StringComparison.Ordinal);
        return Recorded.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>The frames, in order, through one parser as built and one with the fast path off.</summary>
    private static void AssertSame(IEnumerable<string> frames)
    {
        var fast = new MarketFrameParser();
        var general = new MarketFrameParser { FastPath = false };
        foreach (var frame in frames)
        {
            var bytes = FeedFixtures.Utf8(frame);
            var fastCalls = new CallLog();
            var generalCalls = new CallLog();

            var fastResult = fast.Parse(bytes, fastCalls);
            var generalResult = general.Parse(bytes, generalCalls);

            Assert.Equal(generalResult, fastResult);
            Assert.Equal(generalCalls.Calls, fastCalls.Calls);
        }
    }
}
