using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests;

public sealed class DataFolderLockTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, 456, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(Start);

    private string Root => Path.Combine(_temp.Path, "data");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Acquire_SecondAcquireInSameProcess_ThrowsOneLineMessageWithOwner()
    {
        using var held = DataFolderLock.Acquire(Root, _time);

        var error = Assert.Throws<DataFolderLockedException>(() => DataFolderLock.Acquire(Root, _time));

        Assert.Equal(
            $"data folder {Root} is in use by another prescient process (pid {Environment.ProcessId}, since 2026-11-25T09:00:00Z)",
            error.Message);
        Assert.Equal(Environment.ProcessId, error.OwnerProcessId);
        Assert.Equal(Start, error.OwnerSince);
        Assert.Equal(Root, error.DataFolderRoot);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public void Dispose_AfterAcquire_AllowsReacquireAndRemovesOwnerRecord()
    {
        var folder = new DataFolder(Root);
        DataFolderLock.Acquire(folder, _time).Dispose();
        Assert.False(File.Exists(folder.LockOwnerFile));

        using var again = DataFolderLock.Acquire(folder, _time);

        Assert.Equal(Start, again.Since);
        Assert.True(File.Exists(folder.LockOwnerFile));
    }

    [Fact]
    public async Task Acquire_Held_LockVisibleToOtherProcessesAndOwnerWrittenInLockFile()
    {
        var folder = new DataFolder(Root);
        using (DataFolderLock.Acquire(folder, _time))
        {
            Assert.Equal(1, await RunAsync("flock", "-n", folder.LockFile, "true"));

            // cat ignores the advisory lock: this is what a person sees.
            var (_, content) = await RunWithOutputAsync("cat", folder.LockFile);
            Assert.Equal($"pid {Environment.ProcessId}, since 2026-11-25T09:00:00Z\n", content);
        }

        Assert.Equal(0, await RunAsync("flock", "-n", folder.LockFile, "true"));
    }

    [Fact]
    public async Task Acquire_OtherProcessHoldsLock_ThrowsUntilItReleases()
    {
        var folder = new DataFolder(Root);
        folder.CreateDirectories();
        using var holder = Process.Start(new ProcessStartInfo("flock", ["-n", folder.LockFile, "sh", "-c", "echo held; exec cat"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("held", await holder.StandardOutput.ReadLineAsync());

        var error = Assert.Throws<DataFolderLockedException>(() => DataFolderLock.Acquire(folder, _time));
        Assert.Equal($"data folder {Root} is in use by another process", error.Message);

        holder.StandardInput.Close();
        await holder.WaitForExitAsync();
        using var acquired = DataFolderLock.Acquire(folder, _time);
        Assert.Equal(Start, acquired.Since);
    }

    [Fact]
    public void Acquire_StaleTempFilesFromCrash_RemovedAndReported()
    {
        var folder = new DataFolder(Root);
        folder.CreateDirectories();
        var stale = Path.Combine(folder.EventsDirectory, $".filtered_events.json.tmp-{Guid.NewGuid():N}");
        File.WriteAllText(stale, "{\"half");
        File.WriteAllText(folder.FilteredEvents, "{}");

        using var held = DataFolderLock.Acquire(folder, _time);

        Assert.Equal([stale], held.StaleTempFilesRemoved);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(folder.FilteredEvents));
    }

    [Fact]
    public void Acquire_Held_OwnerRecordIsSnakeCaseJson()
    {
        var folder = new DataFolder(Root);
        using var held = DataFolderLock.Acquire(folder, _time);

        using var doc = JsonDocument.Parse(File.ReadAllBytes(folder.LockOwnerFile));

        Assert.Equal(Environment.ProcessId, doc.RootElement.GetProperty("pid").GetInt32());
        Assert.Equal("2026-11-25T09:00:00.456Z", doc.RootElement.GetProperty("since").GetString());
        Assert.Equal(Environment.MachineName, doc.RootElement.GetProperty("machine").GetString());
    }

    private static async Task<int> RunAsync(string file, params string[] args) => (await RunWithOutputAsync(file, args)).ExitCode;

    private static async Task<(int ExitCode, string Output)> RunWithOutputAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
