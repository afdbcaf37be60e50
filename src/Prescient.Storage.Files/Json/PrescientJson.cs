using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// The JSON conventions of every Prescient file: snake_case keys, decimals as JSON numbers (never
/// binary floating point), ids as strings (their own converters), timestamps as ISO-8601 UTC with
/// <c>Z</c>, enums as snake_case strings, nulls written, indented (or compact, one value per line,
/// for append-only files), accented text left readable.
/// </summary>
public static class PrescientJson
{
    /// <summary>The shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writer settings matching <see cref="Options"/>, for files streamed with a <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = Options.Encoder,
    };

    /// <summary>
    /// <see cref="Options"/> without indentation: one value on one line, for the records of the
    /// append-only files (a string's line breaks are written as <c>\n</c>, so a record never spans lines).
    /// </summary>
    public static JsonSerializerOptions CompactOptions { get; } = CreateCompactOptions();

    /// <summary>Writer settings matching <see cref="CompactOptions"/>.</summary>
    public static JsonWriterOptions CompactWriterOptions { get; } = new()
    {
        Indented = false,
        Encoder = Options.Encoder,
    };

    /// <summary>
    /// The metadata of <typeparamref name="T"/> under <paramref name="options"/> (<see cref="Options"/> or
    /// <see cref="CompactOptions"/>): generated at build time for the types of <see cref="PrescientJsonContext"/>,
    /// built by reflection for any other where reflection is on (not in an ahead-of-time compiled build).
    /// Serializing through it instead of through the options alone is what lets the trimming analysis
    /// of such a build see that no reflection is asked for.
    /// </summary>
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    private static JsonSerializerOptions CreateCompactOptions()
    {
        var options = new JsonSerializerOptions(Options) { WriteIndented = false };
        options.MakeReadOnly();
        return options;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = true,

            // Reading a file back is where corruption shows: a missing constructor argument or a
            // null where the type forbids one is an error, not a silently defaulted value.
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,

            // Files are read by programs and people, never embedded in HTML: keep titles with
            // accents and quotes as they are instead of \uXXXX escapes (characters outside the
            // Basic Multilingual Plane, such as emoji, are still escaped by this encoder).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // An ahead-of-time compiled build (PublishAot) turns reflection off: there every type read
            // or written must be in the generated context.
            TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
                ? JsonTypeInfoResolver.Combine(PrescientJsonContext.Default, new DefaultJsonTypeInfoResolver())
                : PrescientJsonContext.Default,
        };
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new QuoteLevelConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
