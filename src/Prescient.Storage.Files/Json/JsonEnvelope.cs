using System.Text.Json;
using Prescient.Engine.Markets;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// Streams the common envelope of the data files, <c>{generated_at, source, simulated, …, count,
/// items:[…]}</c>, flushing to the stream as it goes so a file of tens of thousands of items never
/// exists as one string in memory.
/// </summary>
internal static class JsonEnvelope
{
    /// <summary>Bytes buffered by the writer before they are pushed to the stream.</summary>
    private const int FlushThresholdBytes = 64 * 1024;

    public static void WriteHeader(Utf8JsonWriter writer, DateTimeOffset generatedAt, MarketSourceInfo source)
    {
        writer.WriteString("generated_at", UtcDateTimeOffsetConverter.ToText(generatedAt));
        writer.WriteString("source", source.Name);
        writer.WriteBoolean("simulated", source.IsSimulated);
    }

    /// <summary>Writes <c>count</c> and the named array, one item at a time.</summary>
    public static async Task WriteItemsAsync<T>(
        Utf8JsonWriter writer,
        string arrayName,
        IReadOnlyList<T> items,
        Action<Utf8JsonWriter, T> writeItem,
        CancellationToken cancellationToken)
    {
        writer.WriteNumber("count", items.Count);
        writer.WriteStartArray(arrayName);
        foreach (var item in items)
        {
            writeItem(writer, item);
            if (writer.BytesPending > FlushThresholdBytes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one whole envelope object to <paramref name="stream"/>.</summary>
    public static async Task WriteAsync(Stream stream, Func<Utf8JsonWriter, Task> writeBody, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream, PrescientJson.WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            await writeBody(writer).ConfigureAwait(false);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        // A final newline, as text tools expect.
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
