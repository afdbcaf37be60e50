using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Prescient.Storage.Files.Exports;

namespace Prescient.Storage.Files.Tests.Exports;

public sealed class JsonCellWriterTests
{
    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("[1,2.50,-3e-5,true,false,null]")]
    [InlineData("[\"Yes\",\"No\"]")]
    [InlineData("{\"outcomes\":\"[\\\"Yes\\\", \\\"No\\\"]\",\"q\":\"a \\\\ b\\n\\r\\tc <&> '+'\"}")]
    [InlineData("[{\"id\":\"1\",\"tags\":[{\"label\":\"=cmd\"}]},{}]")]
    public void IsWriterOutput_CompactAsciiWithWriterEscapes_SameAsRewritten(string json)
    {
        var raw = Encoding.UTF8.GetBytes(json);

        Assert.True(JsonCellWriter.IsWriterOutput(raw));
        Assert.Equal(json, Rewritten(json));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("[\n1]")]
    [InlineData("[\"caf\u00e9\"]")]
    [InlineData("[\"\\u0026\"]")]
    [InlineData("[\"a\\/b\"]")]
    [InlineData("[\"\\b\"]")]
    public void IsWriterOutput_WhitespaceNonAsciiOrOtherEscapes_False(string json)
    {
        Assert.False(JsonCellWriter.IsWriterOutput(Encoding.UTF8.GetBytes(json)));
    }

    private static string Rewritten(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
