using Prescient.Storage.Files.IO;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.IO;

public sealed class SyncingFileStreamTests
{
    [Fact]
    public async Task Write_PastTheThresholdInMixedWrites_FlushesInTheBackgroundAndKeepsEveryByteInOrder()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "data.bin");
        var expected = new MemoryStream();
        var random = new Random(7);
        var stream = new SyncingFileStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous), syncEveryBytes: 10_000);
        await using (stream)
        {
            for (var i = 0; i < 200; i++)
            {
                var chunk = new byte[random.Next(1, 900)];
                random.NextBytes(chunk);
                expected.Write(chunk);
                switch (i % 3)
                {
                    case 0:
                        stream.Write(chunk);
                        break;
                    case 1:
                        await stream.WriteAsync(chunk);
                        break;
                    default:
                        foreach (var b in chunk)
                        {
                            stream.WriteByte(b);
                        }

                        break;
                }
            }

            await stream.FlushToDiskAsync(CancellationToken.None);
            Assert.InRange(stream.BackgroundFlushes, 1, (int)(expected.Length / 10_000));
        }

        Assert.Equal(expected.ToArray(), await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Write_ScratchThreshold_NeverFlushesInTheBackground()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "scratch.bin");
        var stream = new SyncingFileStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write), syncEveryBytes: long.MaxValue);
        await using (stream)
        {
            stream.Write(new byte[100_000]);
            Assert.Equal(0, stream.BackgroundFlushes);
        }

        Assert.Equal(100_000, new FileInfo(path).Length);
    }
}
