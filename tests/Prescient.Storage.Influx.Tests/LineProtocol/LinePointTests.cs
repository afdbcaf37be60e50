using Prescient.Storage.Influx.LineProtocol;

namespace Prescient.Storage.Influx.Tests.LineProtocol;

public sealed class LinePointTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void ToLine_Quote_WritesSortedTagsExactDecimalsAndMilliseconds()
    {
        var line = new LinePoint("quote", At)
            .Tag("token_id", "7132")
            .Tag("market_id", "512")
            .Field("best_bid", 0.43m)
            .Field("best_ask", 0.4500m)
            .ToLine(LinePrecision.Milliseconds);

        Assert.Equal("quote,market_id=512,token_id=7132 best_bid=0.43,best_ask=0.4500 1772443815123", line);
    }

    [Fact]
    public void ToLine_SpecialCharactersInNames_AreEscapedWithABackslash()
    {
        var line = new LinePoint("my quote,x=1", At)
            .Tag("out come", "Team A, B=C")
            .Field("best bid", 1m)
            .ToLine(LinePrecision.Seconds);

        Assert.Equal(@"my\ quote\,x\=1,out\ come=Team\ A\,\ B\=C best\ bid=1 1772443815", line);
    }

    [Fact]
    public void ToLine_StringField_EscapesQuotesAndBackslashesOnly()
    {
        var line = new LinePoint("m", At).Field("note", "say \"hi\", C:\\dir =x\nnext").ToLine(LinePrecision.Seconds);

        Assert.Equal("m note=\"say \\\"hi\\\", C:\\\\dir =x\nnext\" 1772443815", line);
    }

    [Theory]
    [InlineData(@"C:\dir", @"C:\dir")]
    [InlineData(@"ends\", "ends/")]
    [InlineData(@"a\ b", @"a/\ b")]
    [InlineData(@"a\\,b", @"a\/\,b")]
    [InlineData("two\nlines", @"two\ lines")]
    public void ToLine_BackslashesAndLineBreaksInTags_BecomeWhatInflux1CanRead(string value, string written)
    {
        var line = new LinePoint("m", At).Tag("t", value).Field("f", 1L).ToLine(LinePrecision.Seconds);

        Assert.Equal($"m,t={written} f=1i 1772443815", line);
        Assert.Equal(LineText.AsStored(value), LineParser.Parse(line).Tags["t"]);
    }

    [Fact]
    public void ToLine_IntegersBoolsAndNegativeDecimals_CarryTheirTypes()
    {
        var line = new LinePoint("m", At)
            .Field("n", 42L)
            .Field("ok", true)
            .Field("pnl", -12.3456789012345678m)
            .Field("max", decimal.MaxValue)
            .ToLine(LinePrecision.Nanoseconds);

        Assert.Equal("m n=42i,ok=true,pnl=-12.3456789012345678,max=79228162514264337593543950335 1772443815123000000", line);
    }

    [Fact]
    public void ToLine_NullFieldsAndEmptyTags_AreLeftOut()
    {
        var line = new LinePoint("m", At)
            .Tag("outcome", "")
            .Tag("source", null)
            .Field("best_bid", (decimal?)null)
            .Field("best_ask", 0.5m)
            .ToLine(LinePrecision.Microseconds);

        Assert.Equal("m best_ask=0.5 1772443815123000", line);
    }

    [Fact]
    public void WriteTo_NoField_Throws()
    {
        var point = new LinePoint("m", At).Field("best_bid", (decimal?)null);

        Assert.False(point.HasFields);
        Assert.Throws<InvalidOperationException>(() => point.ToLine(LinePrecision.Milliseconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("#comment")]
    public void Constructor_MeasurementLineProtocolCannotCarry_Throws(string measurement) =>
        Assert.Throws<ArgumentException>(() => new LinePoint(measurement, At));

    [Fact]
    public void Since1970_BeforeTheEpoch_RoundsTowardThePast() =>
        Assert.Equal(-2, LinePrecision.Seconds.Since1970(DateTimeOffset.UnixEpoch.AddMilliseconds(-1500)));
}
