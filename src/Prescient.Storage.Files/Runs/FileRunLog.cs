using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Engine.Runs;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Runs;

/// <summary>
/// <c>history/run_log.json</c> as an <see cref="AppendOnlyJsonArray{T}"/> of <see cref="RunRecord"/>:
/// each run is one O(1) append; a torn tail is repaired (and logged) on first access.
/// </summary>
public sealed class FileRunLog : IRunLog
{
    private readonly AppendOnlyJsonArray<RunRecord> _file;

    public FileRunLog(DataFolder folder, ILogger<FileRunLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _file = new AppendOnlyJsonArray<RunRecord>(folder.RunLog, logger ?? NullLogger<FileRunLog>.Instance);
    }

    public string Path => _file.Path;

    public Task AppendAsync(RunRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _file.AppendAsync(record, cancellationToken);
    }

    /// <summary>Scans the log (a few records a day) for the last of <paramref name="kind"/>; a log not created yet has none, and reading does not create it.</summary>
    public async Task<RunRecord?> LastAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (!File.Exists(_file.Path))
        {
            return null;
        }

        RunRecord? last = null;
        await foreach (var record in _file.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (record.Kind == kind)
            {
                last = record;
            }
        }

        return last;
    }

    /// <summary>The last <paramref name="count"/> records, newest first; a log not created yet has none, and reading does not create it.</summary>
    public async Task<IReadOnlyList<RunRecord>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || !File.Exists(_file.Path))
        {
            return [];
        }

        var recent = new Queue<RunRecord>(count);
        await foreach (var record in _file.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (recent.Count == count)
            {
                recent.Dequeue();
            }

            recent.Enqueue(record);
        }

        return recent.Reverse().ToArray();
    }
}
