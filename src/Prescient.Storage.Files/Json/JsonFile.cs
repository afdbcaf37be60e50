using System.Text.Json;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// Whole JSON files with the <see cref="PrescientJson"/> conventions: written atomically, read back
/// with a clear error naming the file when its content is not what it should be.
/// </summary>
public static class JsonFile
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Files up to this size are read whole, then parsed; larger ones are parsed as they stream in.</summary>
    private const int WholeReadLimit = 4 * 1024 * 1024;

    /// <summary>Serializes <paramref name="value"/> to <paramref name="path"/>, replacing the file atomically.</summary>
    public static Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        WriteAsync(path, value, PrescientJson.Options, cancellationToken);

    /// <summary>As <see cref="WriteAsync{T}(string, T, CancellationToken)"/>, with <paramref name="options"/> (<see cref="PrescientJson.CompactOptions"/> for a large file read by programs).</summary>
    public static Task WriteAsync<T>(string path, T value, JsonSerializerOptions options, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(
            path,
            async (stream, ct) =>
            {
                await JsonSerializer.SerializeAsync(stream, value, options.TypeInfo<T>(), ct).ConfigureAwait(false);
                await stream.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Reads <paramref name="path"/> as a <typeparamref name="T"/>: null when the file does not
    /// exist; <see cref="InvalidDataException"/> (path and reason) when it is not valid JSON of
    /// that shape.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                // A small file (a portfolio, a checkpoint) in one read and one synchronous parse; a large one streamed.
                var value = stream.Length <= WholeReadLimit
                    ? JsonSerializer.Deserialize(await ReadWholeAsync(stream, cancellationToken).ConfigureAwait(false), PrescientJson.Options.TypeInfo<T>())
                    : await JsonSerializer.DeserializeAsync(stream, PrescientJson.Options.TypeInfo<T>(), cancellationToken).ConfigureAwait(false);
                return value ?? throw Corrupt(path, "the file holds JSON null.");
            }
            catch (JsonException ex)
            {
                throw Corrupt(path, ex.Message, ex);
            }
            catch (ArgumentException ex)
            {
                // Domain values (ids, prices) refuse invalid content with ArgumentException.
                throw Corrupt(path, ex.Message, ex);
            }
        }
    }

    /// <summary>
    /// Parses <paramref name="json"/> (a document held elsewhere than a file, e.g. a database row named
    /// <paramref name="name"/>) with the same conventions and the same one-line error as <see cref="ReadAsync{T}"/>.
    /// </summary>
    public static T Parse<T>(ReadOnlySpan<byte> json, string name)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, PrescientJson.Options.TypeInfo<T>()) ?? throw Corrupt(name, "the document holds JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw Corrupt(name, ex.Message, ex);
        }
    }

    /// <summary>The bytes <see cref="WriteAsync{T}"/> writes for <paramref name="value"/>: the JSON and a final newline.</summary>
    public static byte[] Serialize<T>(T value) => [.. JsonSerializer.SerializeToUtf8Bytes(value, PrescientJson.Options.TypeInfo<T>()), (byte)'\n'];

    private static async Task<byte[]> ReadWholeAsync(FileStream stream, CancellationToken cancellationToken)
    {
        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    /// <summary>The error for a file whose content is unusable: one line with the path and the reason.</summary>
    public static InvalidDataException Corrupt(string path, string reason, Exception? inner = null) =>
        new($"Cannot read {path}: {reason}", inner);
}
