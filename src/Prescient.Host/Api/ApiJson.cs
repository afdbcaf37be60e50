using System.Text.Json;
using System.Text.Json.Serialization;
using Prescient.Storage.Files.Json;

namespace Prescient.Host.Api;

/// <summary>The JSON of the API and of the dashboard hub: snake_case names and enums, UTC instants.</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
