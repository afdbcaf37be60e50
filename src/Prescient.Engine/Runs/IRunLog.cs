namespace Prescient.Engine.Runs;

/// <summary>Every run of the scheduled use-cases, succeeded or failed, oldest first, append only.</summary>
public interface IRunLog
{
    Task AppendAsync(RunRecord record, CancellationToken cancellationToken);

    /// <summary>The last record of <paramref name="kind"/>, or null when it never ran.</summary>
    Task<RunRecord?> LastAsync(string kind, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="count"/> records of every kind, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> RecentAsync(int count, CancellationToken cancellationToken);
}
