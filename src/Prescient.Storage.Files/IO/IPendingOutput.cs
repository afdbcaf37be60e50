namespace Prescient.Storage.Files.IO;

/// <summary>One file of a run being written beside its target (see <see cref="PendingFile"/>).</summary>
internal interface IPendingOutput : IAsyncDisposable
{
    /// <summary>The absolute path the file replaces.</summary>
    string Target { get; }

    /// <summary>Completes the content and flushes it to disk.</summary>
    Task FinishAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the target with the finished file.</summary>
    void Replace();
}
