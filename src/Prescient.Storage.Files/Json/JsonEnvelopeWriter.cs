using System.Buffers;
using System.Text.Json;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// Streams one data file in the common envelope, <c>{generated_at, source, simulated, …, items:[…],
/// count}</c>, into a <see cref="PendingFile"/>, item by item, flushing as it goes so a file of tens of
/// thousands of items never exists in memory. <c>count</c> follows the array because it is known only
/// at the end (readers go by key, not by position).
/// </summary>
internal sealed class JsonEnvelopeWriter : IPendingOutput
{
    /// <summary>Bytes buffered by the writer before they are pushed to the file.</summary>
    private const int FlushThresholdBytes = 64 * 1024;

    private readonly PendingFile _file;
    private readonly Utf8JsonWriter _writer;

    /// <summary>Where one item is serialized compactly before it goes into the file on its own line.</summary>
    private readonly ArrayBufferWriter<byte> _item = new();
    private readonly Utf8JsonWriter _itemWriter;
    private bool _finished;

    private JsonEnvelopeWriter(PendingFile file)
    {
        _file = file;
        _writer = new Utf8JsonWriter(file.Stream, PrescientJson.WriterOptions);
        _itemWriter = new Utf8JsonWriter(_item, PrescientJson.CompactWriterOptions);
    }

    /// <summary>The path the file replaces or creates.</summary>
    public string Target => _file.Target;

    /// <summary>Items written so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Starts the file for <paramref name="path"/>: the object, what <paramref name="writeHeader"/>
    /// writes (see <see cref="WriteSource"/>), then the opening of the <paramref name="arrayName"/> array.
    /// </summary>
    public static async Task<JsonEnvelopeWriter> BeginAsync(
        string path,
        Action<Utf8JsonWriter> writeHeader,
        string arrayName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writeHeader);
        var envelope = new JsonEnvelopeWriter(PendingFile.Create(path));
        try
        {
            envelope._writer.WriteStartObject();
            writeHeader(envelope._writer);
            envelope._writer.WriteStartArray(arrayName);
            await envelope._writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return envelope;
        }
        catch
        {
            await envelope.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The keys every envelope starts with: <c>generated_at</c>, <c>source</c>, <c>simulated</c>.</summary>
    public static void WriteSource(Utf8JsonWriter writer, DateTimeOffset generatedAt, MarketSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(source);
        writer.WriteString("generated_at", UtcDateTimeOffsetConverter.ToText(generatedAt));
        writer.WriteString("source", source.Name);
        writer.WriteBoolean("simulated", source.IsSimulated);
    }

    /// <summary>
    /// Serializes one item with the <see cref="PrescientJson"/> conventions, compact, on a line of
    /// its own: a file of thousands of items reads one item per line, at about half the size (and
    /// writing time) of an indented one.
    /// </summary>
    public ValueTask AddAsync<T>(T item, CancellationToken cancellationToken) => AddAsync(item, WriteCompactLine, cancellationToken);

    /// <summary>Writes one item with <paramref name="writeItem"/>; nothing of it is kept.</summary>
    public async ValueTask AddAsync<T>(T item, Action<Utf8JsonWriter, T> writeItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writeItem);
        ObjectDisposedException.ThrowIf(_finished, this);
        writeItem(_writer, item);
        Count++;
        if (_writer.BytesPending > FlushThresholdBytes)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the array, writes <c>count</c> and a final newline, and flushes the file to disk.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _writer.WriteEndArray();
        _writer.WriteNumber("count", Count);
        _writer.WriteEndObject();
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _itemWriter.DisposeAsync().ConfigureAwait(false);

        // A final newline, as text tools expect.
        await _file.Stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await _file.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    private void WriteCompactLine<T>(Utf8JsonWriter writer, T item)
    {
        // The line's start and the item built in one buffer, written in one piece.
        _item.ResetWrittenCount();
        RawJson.WriteLinePrefix(writer, _item);
        _itemWriter.Reset(_item);
        JsonSerializer.Serialize(_itemWriter, item, PrescientJson.CompactOptions.TypeInfo<T>());
        _itemWriter.Flush();
        writer.WriteRawValue(_item.WrittenSpan, skipInputValidation: true);
    }

    /// <summary>Replaces the target with the finished file.</summary>
    public void Replace() => _file.Replace();

    /// <summary>Creates the target from the finished file unless it exists: see <see cref="PendingFile.TryCreate"/>.</summary>
    public bool TryCreate() => _file.TryCreate();

    /// <summary>Deletes the file unless it replaced or created its target.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _finished = true;

            // Pointed at nowhere first, so disposing it writes nothing to a file about to be deleted.
            _writer.Reset(Stream.Null);
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _itemWriter.DisposeAsync().ConfigureAwait(false);
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }
}
