using FsCheck.Xunit;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Storage.Files.PriceHistory;

namespace Prescient.Storage.Files.Tests.PriceHistory;

public sealed class PriceHistoryFormatTests
{
    private static readonly HistoryMonth January = new(2026, 1);
    private static readonly TokenId Token = TokenId.Create("111128191581505463501777127559667396812474366956707382672202929745167742497287");

    [Property(Arbitrary = [typeof(PriceMonthArbitraries)], MaxTest = 300)]
    public void EncodeThenDecode_AnyMonth_GivesBackEveryPointAndTheHeaderExactly(PriceMonth month)
    {
        var file = PriceHistoryFormat.Encode(month);

        Assert.Null(PriceHistoryFormat.ReadHeader(file, month.Token, month.Month, out var header));
        var points = new HistoryPoint[header.Count];
        Assert.Null(PriceHistoryFormat.ReadPoints(file, header, month.Month, points));
        Assert.Equal(month.Points.Length, header.Count);
        Assert.Equal((month.Complete, month.Simulated, month.FidelityMinutes, month.FetchedAt), (header.Complete, header.Simulated, header.FidelityMinutes, header.FetchedAt));
        Assert.Equal(0, file.Length % 8);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(month.Points[i].UnixSeconds, points[i].UnixSeconds);

            // Value and scale both: 0.50 stays 0.50, not 0.5.
            Assert.Equal(decimal.GetBits(month.Points[i].Price), decimal.GetBits(points[i].Price));
        }
    }

    [Fact]
    public void Encode_PricesOfUpstreamPrecision_Take16BytesAPoint()
    {
        var month = Month([new(January.Start.ToUnixTimeSeconds(), 0.23m), new(January.Start.ToUnixTimeSeconds() + 60, 0.99999950000000001m)]);

        var file = PriceHistoryFormat.Encode(month);

        Assert.Equal(PriceHistoryFormat.HeaderSize + 80 + (2 * PriceHistoryFormat.PackedRecord), file.Length);
    }

    [Fact]
    public void ReadHeader_EveryTruncation_IsRefused()
    {
        var file = PriceHistoryFormat.Encode(Month(Hourly(48)));

        for (var length = 0; length < file.Length; length++)
        {
            Assert.NotNull(PriceHistoryFormat.ReadHeader(file.AsSpan(0, length), Token, January, out _));
        }
    }

    [Fact]
    public void ReadHeader_AnyFlippedBit_IsRefused()
    {
        var file = PriceHistoryFormat.Encode(Month(Hourly(24)));

        for (var bit = 0; bit < file.Length * 8; bit++)
        {
            var copy = file.ToArray();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotNull(PriceHistoryFormat.ReadHeader(copy, Token, January, out _));
        }
    }

    [Fact]
    public void ReadHeader_AnotherTokenOrMonth_IsRefusedWithWhy()
    {
        var file = PriceHistoryFormat.Encode(Month(Hourly(3)));

        Assert.Equal("it belongs to another token", PriceHistoryFormat.ReadHeader(file, TokenId.Create("5"), January, out _));
        Assert.Equal("it belongs to another month", PriceHistoryFormat.ReadHeader(file, Token, January.Next, out _));
    }

    [Theory]
    [InlineData(-1L, 0.5)]
    [InlineData(0L, 1.5)]
    public void Encode_PointOutsideTheMonthOrNotAPrice_Throws(long offset, double price)
    {
        var time = offset < 0 ? January.Start.ToUnixTimeSeconds() - 1 : January.End.ToUnixTimeSeconds() - 1;

        Assert.Throws<ArgumentException>(() => PriceHistoryFormat.Encode(Month([new(time, (decimal)price)])));
    }

    [Fact]
    public void Encode_TimesNotIncreasing_Throws()
    {
        var t = January.Start.ToUnixTimeSeconds();

        Assert.Throws<ArgumentException>(() => PriceHistoryFormat.Encode(Month([new(t + 60, 0.5m), new(t + 60, 0.6m)])));
    }

    internal static HistoryPoint[] Hourly(int count) =>
        Enumerable.Range(0, count).Select(i => new HistoryPoint(January.Start.ToUnixTimeSeconds() + (i * 3600), 0.2m + (i / 1000m))).ToArray();

    private static PriceMonth Month(HistoryPoint[] points) =>
        new(Token, January, 60, January.End.AddDays(1), true, false, points);
}
