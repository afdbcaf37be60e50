using Prescient.Polymarket.Wire;

namespace Prescient.Polymarket.Tests.Wire;

public sealed class WireDatesTests
{
    [Theory]
    [InlineData("2026-02-27T23:33:23Z", "2026-02-27T23:33:23.0000000+00:00")]
    [InlineData("2024-12-31T18:51:45.506005Z", "2024-12-31T18:51:45.5060050+00:00")]
    [InlineData("2023-11-02T21:22:21.62Z", "2023-11-02T21:22:21.6200000+00:00")]
    [InlineData("2026-02-27", "2026-02-27T00:00:00.0000000+00:00")]
    [InlineData("2500-12-31", "2500-12-31T00:00:00.0000000+00:00")]
    [InlineData("2026-03-19 23:20:15+00", "2026-03-19T23:20:15.0000000+00:00")]
    [InlineData("2023-11-02 21:22:21.615+00", "2023-11-02T21:22:21.6150000+00:00")]
    [InlineData("2026-07-10 18:08:48.683314+00:00:00", "2026-07-10T18:08:48.6833140+00:00")]
    [InlineData("2026-04-05 15:10:00+02:00", "2026-04-05T13:10:00.0000000+00:00")]
    [InlineData("2026-04-05T15:10:00-0530", "2026-04-05T20:40:00.0000000+00:00")]
    [InlineData("2026-04-05T15:10:00", "2026-04-05T15:10:00.0000000+00:00")]
    [InlineData("2026-04-05T15:10:00.123456789Z", "2026-04-05T15:10:00.1234567+00:00")]
    public void Parse_KnownPolymarketFormat_ReturnsUtcInstant(string text, string expected)
    {
        var parsed = WireDates.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("2026-02-30")]
    [InlineData("2026-02-27T25:00:00Z")]
    [InlineData("2026-02-27T10:00:00+00:00:30")]
    [InlineData("27/02/2026")]
    public void Parse_UnusableText_ReturnsNull(string? text) => Assert.Null(WireDates.Parse(text));

    [Fact]
    public void ParseEpochMillisecondsOrDate_ClobTimestamp_ReadsMilliseconds()
    {
        Assert.Equal(
            new DateTimeOffset(2024, 10, 13, 6, 3, 38, 260, TimeSpan.Zero),
            WireDates.ParseEpochMillisecondsOrDate("1728799418260"));
        Assert.Equal(
            new DateTimeOffset(2026, 5, 19, 20, 51, 22, TimeSpan.Zero),
            WireDates.ParseEpochMillisecondsOrDate("2026-05-19T20:51:22Z"));
        Assert.Null(WireDates.ParseEpochMillisecondsOrDate("99999999999999999999"));
    }

    [Fact]
    public void Parse_AnyNearIsoText_AgreesWithTheFullPattern()
    {
        // The common shapes are read without the pattern: the outcome must be the pattern's for any text.
        string[] seeds =
        [
            "2026-02-27", "2026-02-27T23:33:23Z", "2024-12-31T18:51:45.506005Z", "2026-04-05T15:10:00.123456789Z",
            "2026-02-30", "2026-02-27T25:00:00Z", "2026-02-27T23:33:23.Z", "2026-02-27T23:33:23.1234567890Z",
            "2026-02-27T23:33Z", "2026-02-27 23:33:23Z", "2026-02-27T23:33:23z", "0000-01-01", "9999-12-31T23:59:59.9999999Z",
        ];
        const string Alphabet = "0123456789-T:.Z +";
        var random = new Random(20261125);
        var texts = new List<string>(seeds);
        for (var i = 0; i < 5000; i++)
        {
            var chars = seeds[random.Next(seeds.Length)].ToCharArray();
            for (var m = random.Next(1, 3); m > 0; m--)
            {
                chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            texts.Add(new string(chars));
        }

        foreach (var text in texts)
        {
            Assert.True(WireDates.ParseWithPattern(text.Trim()) == WireDates.Parse(text), text);
        }
    }
}
