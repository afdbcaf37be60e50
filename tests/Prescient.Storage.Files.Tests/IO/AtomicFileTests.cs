using System.Text;
using System.Text.Json;
using Prescient.Storage.Files.IO;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteAsync_WriterThrowsMidway_OldFileIntactAndNoTempLeft()
    {
        var path = Path.Combine(_temp.Path, "portfolio.json");
        await File.WriteAllTextAsync(path, """{"cash": 10000}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(
            path,
            async (stream, ct) =>
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes("""{"cash": 99"""), ct);
                await stream.FlushAsync(ct);
                throw new InvalidOperationException("disk on fire");
            },
            CancellationToken.None));

        Assert.Equal("disk on fire", error.Message);
        Assert.Equal("""{"cash": 10000}""", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_OldFileIntactAndNoTempLeft()
    {
        var path = Path.Combine(_temp.Path, "market_cache.json");
        await File.WriteAllTextAsync(path, "[1]");
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(
            path,
            async (stream, ct) =>
            {
                await stream.WriteAsync("[2"u8.ToArray(), ct);
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
            },
            cts.Token));

        Assert.Equal("[1]", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task WriteAsync_FolderMissing_CreatesFolderAndFile()
    {
        var path = Path.Combine(_temp.Path, "a", "b", "file.json");

        await AtomicFile.WriteAsync(path, (s, ct) => s.WriteAsync("{}"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        Assert.Equal("{}", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersAndReader_FileIsAlwaysValidJson()
    {
        var path = Path.Combine(_temp.Path, "current_signals.json");
        await WriteDocumentAsync(path, writer: -1, round: -1);
        using var writersDone = new CancellationTokenSource();
        var reads = 0;

        var reader = Task.Run(async () =>
        {
            while (!writersDone.IsCancellationRequested)
            {
                // Throws (and fails the test) on a torn or empty file.
                using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
                Assert.Equal(500, doc.RootElement.GetProperty("items").GetArrayLength());
                reads++;
            }
        });
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 20; round++)
            {
                await WriteDocumentAsync(path, w, round);
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await writersDone.CancelAsync();
        await reader;

        using var final = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        Assert.Equal(19, final.RootElement.GetProperty("round").GetInt32());
        Assert.True(reads > 0);
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task TryCreateAsync_FileExists_ReturnsFalseAndKeepsContent()
    {
        var path = Path.Combine(_temp.Path, "daily_prices_2026-11-25.json");
        Assert.True(await AtomicFile.TryCreateAsync(path, (s, ct) => s.WriteAsync("[1]"u8.ToArray(), ct).AsTask(), CancellationToken.None));

        var created = await AtomicFile.TryCreateAsync(path, (s, ct) => s.WriteAsync("[2]"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        Assert.False(created);
        Assert.Equal("[1]", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task TryCreateAsync_ConcurrentCreators_ExactlyOneWinsAndItsContentStays()
    {
        var path = Path.Combine(_temp.Path, "daily_prices_2026-11-26.json");
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var created = await AtomicFile.TryCreateAsync(
                path,
                (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes($"[{i}]"), ct).AsTask(),
                CancellationToken.None);
            return (Writer: i, Created: created);
        })).ToArray();

        start.Set();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Created);
        Assert.Equal($"[{winner.Writer}]", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void WriteAllBytes_ExistingFile_ReplacedWithoutTempLeft()
    {
        var path = Path.Combine(_temp.Path, ".prescient.lock.owner");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllBytes(path, "new"u8);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void DeleteStaleTempFiles_MixedFolder_DeletesOnlyTempFiles()
    {
        var stale = Path.Combine(_temp.Path, $".portfolio.json.tmp-{Guid.NewGuid():N}");
        string[] kept =
        [
            Path.Combine(_temp.Path, "portfolio.json"),
            Path.Combine(_temp.Path, ".prescient.lock"),
            Path.Combine(_temp.Path, "notes.tmp-1234"),
            Path.Combine(_temp.Path, ".x.json.tmp-not-a-guid"),
        ];
        foreach (var file in kept.Append(stale))
        {
            File.WriteAllText(file, "x");
        }

        var deleted = AtomicFile.DeleteStaleTempFiles(_temp.Path);

        Assert.Equal([stale], deleted);
        Assert.Equal(kept.Order(StringComparer.Ordinal), Directory.GetFiles(_temp.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DeleteStaleTempFiles_MissingFolder_ReturnsEmpty() =>
        Assert.Empty(AtomicFile.DeleteStaleTempFiles(Path.Combine(_temp.Path, "nope")));

    /// <summary>A ~30 KB document, large enough that a non-atomic write would be seen half done.</summary>
    private static Task WriteDocumentAsync(string path, int writer, int round) =>
        AtomicFile.WriteAsync(
            path,
            async (stream, ct) =>
            {
                var items = Enumerable.Range(0, 500).Select(i => new { writer, round, i, text = "some text to make it bigger" });
                await JsonSerializer.SerializeAsync(stream, new { writer, round, items }, cancellationToken: ct);
            },
            CancellationToken.None);
}
