using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Prescient.Storage.Influx.LineProtocol;

namespace Prescient.Storage.Influx.Tests.LineProtocol;

/// <summary>Names and values built from the characters line protocol treats specially, and some it does not.</summary>
public sealed record PointCase(
    string Measurement,
    (string Key, string Value)[] Tags,
    (string Key, decimal Value)[] Decimals,
    (string Key, long Value)[] Integers,
    (string Key, string Value)[] Strings,
    long Milliseconds)
{
    public override string ToString() =>
        $"{Measurement} tags [{string.Join("; ", Tags)}] decimals [{string.Join("; ", Decimals)}] integers [{string.Join("; ", Integers)}] strings [{string.Join("; ", Strings)}] at {Milliseconds}";
}

public static class PointArbitraries
{
    private static readonly Gen<string> Text =
        Gen.ArrayOf(Gen.Elements(',', '=', ' ', '\\', '"', '\n', 'a', 'Z', '0', '_', 'é', '#', '\'')).Select(c => new string(c));

    public static Arbitrary<PointCase> PointCases() => Arb.From(
        from measurement in Text
        from tags in Gen.ArrayOf(Gen.Zip(Text, Text))
        from decimals in Gen.ArrayOf(Gen.Zip(Text, Decimals))
        from integers in Gen.ArrayOf(Gen.Zip(Text, ArbMap.Default.GeneratorFor<long>()))
        from strings in Gen.ArrayOf(Gen.Zip(Text, Text))
        from ms in Gen.Choose(0, int.MaxValue)
        select new PointCase(
            "m" + measurement,
            tags.Select((t, i) => ($"t{i}_{t.Item1}", t.Item2)).ToArray(),

            // At least one field: line protocol needs one.
            decimals.Append((string.Empty, 0.43m)).Select((f, i) => ($"d{i}_{f.Item1}", f.Item2)).ToArray(),
            integers.Select((f, i) => ($"i{i}_{f.Item1}", f.Item2)).ToArray(),
            strings.Select((f, i) => ($"s{i}_{f.Item1}", f.Item2)).ToArray(),
            ms * 1000L));

    /// <summary>Prices, sizes and money: any scale from 0 to 10 places, negative too.</summary>
    private static Gen<decimal> Decimals =>
        from units in ArbMap.Default.GeneratorFor<long>()
        from scale in Gen.Choose(0, 10)
        select new decimal(units) / (decimal)Math.Pow(10, scale);
}

public sealed class LinePointProperties
{
    [Property(Arbitrary = [typeof(PointArbitraries)])]
    public void AnyPoint_ParsesBackToItsMeasurementTagsAndFields(PointCase c)
    {
        var point = new LinePoint(c.Measurement, DateTimeOffset.FromUnixTimeMilliseconds(c.Milliseconds));
        foreach (var (key, value) in c.Tags)
        {
            point.Tag(key, value);
        }

        foreach (var (key, value) in c.Decimals)
        {
            point.Field(key, value);
        }

        foreach (var (key, value) in c.Integers)
        {
            point.Field(key, value);
        }

        foreach (var (key, value) in c.Strings)
        {
            point.Field(key, value);
        }

        var parsed = LineParser.Parse(point.ToLine(LinePrecision.Milliseconds));

        Assert.Equal(LineText.AsStored(c.Measurement), parsed.Measurement);
        Assert.Equal(
            c.Tags.Where(t => t.Value.Length > 0).Select(t => (LineText.AsStored(t.Key), LineText.AsStored(t.Value))).Order(),
            parsed.Tags.Select(t => (t.Key, t.Value)).Order());
        var expected = c.Decimals.Select(f => (LineText.AsStored(f.Key), (object)f.Value))
            .Concat(c.Integers.Select(f => (LineText.AsStored(f.Key), (object)f.Value)))
            .Concat(c.Strings.Select(f => (LineText.AsStored(f.Key), (object)f.Value)))
            .ToDictionary(f => f.Item1, f => f.Item2);
        Assert.Equal(expected, parsed.Fields);

        // Exact decimal text, scale and all: 0.4300 stays 0.4300, never a double's 0.43000000000000005.
        Assert.All(c.Decimals, f => Assert.Equal(f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ((decimal)parsed.Fields[LineText.AsStored(f.Key)]).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(c.Milliseconds, parsed.Timestamp);
    }
}
