using Prescient.Storage.Files.Exports;

namespace Prescient.Storage.Files.Tests.Exports;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\rReturn", "'\rReturn")]
    [InlineData("Will BTC hit $100k?", "Will BTC hit $100k?")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_FormulaTriggers_PrefixedWithQuote(string? value, string expected) =>
        Assert.Equal(expected, CsvCell.Text(value));

    [Theory]
    [InlineData("-12.5", "-12.5")]
    [InlineData("0.50", "0.50")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("0.0000001", "0.0000001")]
    public void Number_Decimal_PlainInvariantNeverNeutralised(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Timestamp_WithOffset_IsoUtc() =>
        Assert.Equal("2026-11-25T09:00:00.25Z", CsvCell.Timestamp(new DateTimeOffset(2026, 11, 25, 10, 0, 0, 250, TimeSpan.FromHours(1))));
}
