using System.Text.Json;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// The <c>generated_at</c> and <c>source</c> of a state file's top-level object, read as a stream that
/// stops as soon as both are found (the writers put them first), so a large file is not loaded.
/// </summary>
internal static class EnvelopeHeader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The header of <paramref name="path"/>; <see cref="InvalidDataException"/> naming the file when it is not a JSON object.</summary>
    public static async Task<(DateTimeOffset? GeneratedAt, string? Source)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ChunkSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[ChunkSize];
        var length = 0;
        var scan = new Scan();
        var final = false;
        while (!scan.Done)
        {
            if (length == buffer.Length)
            {
                // One token longer than the buffer (a long string): grow and read on.
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            length += read;
            final = read == 0;
            int consumed;
            try
            {
                consumed = scan.Advance(buffer.AsSpan(0, length), final);
            }
            catch (JsonException e)
            {
                throw JsonFile.Corrupt(path, e.Message, e);
            }

            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
            if (final)
            {
                break;
            }
        }

        return scan.Started ? (scan.GeneratedAt, scan.Source) : throw JsonFile.Corrupt(path, "the file is empty.");
    }

    /// <summary>The reader's state between chunks: where it is, and what it found.</summary>
    private sealed class Scan
    {
        private JsonReaderState _state;
        private string? _pending;

        public bool Started { get; private set; }

        public bool Done { get; private set; }

        public DateTimeOffset? GeneratedAt { get; private set; }

        public string? Source { get; private set; }

        /// <summary>Reads the complete tokens of <paramref name="bytes"/> and returns how many bytes they took.</summary>
        public int Advance(ReadOnlySpan<byte> bytes, bool final)
        {
            var reader = new Utf8JsonReader(bytes, final, _state);
            while (!Done && reader.Read())
            {
                if (!Started)
                {
                    Started = true;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("the file is not a JSON object.");
                    }

                    continue;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    _pending = reader.GetString();
                    continue;
                }

                if (reader.CurrentDepth == 1 && _pending is { } name)
                {
                    Take(name, ref reader);
                }

                _pending = null;
                Done = reader.CurrentDepth == 0 || (GeneratedAt is not null && Source is not null);
            }

            _state = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }

        private void Take(string name, ref Utf8JsonReader reader)
        {
            if (name == "generated_at" && reader.TokenType == JsonTokenType.String)
            {
                GeneratedAt = reader.TryGetDateTimeOffset(out var at)
                    ? at.ToUniversalTime()
                    : throw new JsonException($"generated_at '{reader.GetString()}' is not an ISO-8601 timestamp.");
            }
            else if (name == "source" && reader.TokenType == JsonTokenType.String)
            {
                Source = reader.GetString();
            }
        }
    }
}
