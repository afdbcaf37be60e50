using System.Text.Json;
using System.Text.Json.Nodes;
using Prescient.Polymarket.Wire;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Wire;

public sealed class WireReaderTests
{
    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("""{"v":"17976157.529867"}""", "17976157.529867")]
    [InlineData("""{"v":17976157.529867}""", "17976157.529867")]
    [InlineData("""{"v":".48"}""", "0.48")]
    [InlineData("""{"v":"1e-5"}""", "0.00001")]
    [InlineData("""{"v":2.5E-3}""", "0.0025")]
    [InlineData("""{"v":26458.188064999995}""", "26458.188064999995")]
    public void Decimal_NumberOrNumericString_ReadsExactDecimal(string json, string expected)
    {
        var value = WireReader.Decimal(Element(json), "v");

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("0.50")]
    [InlineData("-0.0")]
    [InlineData(" 12 ")]
    [InlineData("1E+2")]
    [InlineData("1e-5")]
    [InlineData("00.100")]
    [InlineData("+.5")]
    [InlineData("0.5x")]
    [InlineData("1,5")]
    [InlineData("\\u0030.5")]
    [InlineData("0.\\u00350")]
    [InlineData("79228162514264337593543950336")]
    public void Decimal_NumericString_SameValueAndScaleAsParsingTheDecodedText(string jsonText)
    {
        var element = Element("{\"v\":\"" + jsonText + "\"}");
        var decoded = element.GetProperty("v").GetString();
        decimal? expected = decimal.TryParse(decoded, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;

        var value = WireReader.Decimal(element, "v");

        // Same scale too: "0.50" stays 0.50, as the files show it.
        Assert.Equal(expected?.ToString(System.Globalization.CultureInfo.InvariantCulture), value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""["Yes", "No"]""")]
    [InlineData("""["0.515", "0.485"]""")]
    [InlineData("""[0.5, "0.50", 1e-5, " 7 ", "", null, true]""")]
    [InlineData("""["a", ["nested", 1], {"k": "v"}, "b"]""")]
    [InlineData("""["\u0030.25", "Caf\u00e9 \"quoted\"", "23360939988679364027624185518382759743328544433592111535569478055890815567848"]""")]
    [InlineData("""[1e40, "1e40", -0.0]""")]
    [InlineData("""  [ "padded" ]  """)]
    [InlineData("""[]""")]
    [InlineData("""{"not": "an array"}""")]
    [InlineData("""["trailing"] x""")]
    [InlineData("""["two"] ["roots"]""")]
    [InlineData("""["cut""")]
    [InlineData("""["comma",]""")]
    [InlineData("""not json""")]
    [InlineData("""   """)]
    public void TextAndDecimalArray_ArrayAsJsonText_ReadLikeTheParsedDocument(string embedded)
    {
        var value = JsonSerializer.SerializeToElement(embedded);
        JsonElement[]? items;
        try
        {
            using var document = JsonDocument.Parse(embedded);
            items = document.RootElement.ValueKind == JsonValueKind.Array ? [.. document.RootElement.Clone().EnumerateArray()] : null;
        }
        catch (JsonException)
        {
            items = null;
        }

        Assert.Equal(items?.Select(item => WireReader.Text(item)), WireReader.TextArray(value));
        Assert.Equal(
            items?.Select(item => WireReader.Decimal(item)?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            WireReader.DecimalArray(value)?.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"v":null}""")]
    [InlineData("""{"v":""}""")]
    [InlineData("""{"v":"n/a"}""")]
    [InlineData("""{"v":true}""")]
    [InlineData("""{"v":1e40}""")]
    public void Decimal_AbsentNullOrUnusable_ReturnsNull(string json) =>
        Assert.Null(WireReader.Decimal(Element(json), "v"));

    [Fact]
    public void Decimal_FeeRateAsStringOrNumber_ReadsBothForms()
    {
        Assert.Equal(150m, WireReader.Decimal(Fixtures.Json("clob/fee_rate_nonzero.json").ToElement(), "base_fee"));
        Assert.Equal(30m, WireReader.Decimal(Element("""{"base_fee":30}"""), "base_fee"));
    }

    [Theory]
    [InlineData("""{"gameId":1427074}""", "1427074")]
    [InlineData("""{"gameId":"1427074"}""", "1427074")]
    [InlineData("""{"gameId":null}""", null)]
    [InlineData("""{}""", null)]
    public void Text_NumberOrString_ReadsSameText(string json, string? expected) =>
        Assert.Equal(expected, WireReader.Text(Element(json), "gameId"));

    [Theory]
    [InlineData("""{"a":"[\"Yes\", \"No\"]"}""")]
    [InlineData("""{"a":["Yes","No"]}""")]
    public void TextArray_JsonInStringOrRealArray_ReadsItems(string json) =>
        Assert.Equal(["Yes", "No"], WireReader.TextArray(Element(json), "a")!);

    [Theory]
    [InlineData("""{"a":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"a":"[\"Yes\", "}""")]
    [InlineData("""{"a":"{}"}""")]
    [InlineData("""{"a":7}""")]
    public void Array_AbsentNullOrNotAnArray_ReturnsNull(string json) =>
        Assert.Null(WireReader.Array(Element(json), "a"));

    [Theory]
    [InlineData("""{"b":true}""", true)]
    [InlineData("""{"b":"false"}""", false)]
    [InlineData("""{"b":null}""", null)]
    [InlineData("""{"b":1}""", null)]
    public void Bool_BooleanOrBooleanString_Reads(string json, bool? expected) =>
        Assert.Equal(expected, WireReader.Bool(Element(json), "b"));

    [Theory]
    [InlineData("""{"v":"17976157.529867","t":1427074,"a":"[\"Yes\", \"No\"]","b":"true"}""")]
    [InlineData("""{"v":2.5E-3,"t":"x","a":["Yes",7],"b":false}""")]
    [InlineData("""{"v":null,"t":null,"a":"{}","b":1}""")]
    public void NodeReaders_SameValues_AsElementReaders(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var element = Element(json);

        Assert.Equal(WireReader.Decimal(element, "v"), WireReader.Decimal(node, "v"));
        Assert.Equal(WireReader.Text(element, "t"), WireReader.Text(node, "t"));
        Assert.Equal(WireReader.TextArray(element, "a"), WireReader.TextArray(node, "a"));
        Assert.Equal(WireReader.Bool(element, "b"), WireReader.Bool(node, "b"));
    }
}
