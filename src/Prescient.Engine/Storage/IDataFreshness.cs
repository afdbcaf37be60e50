namespace Prescient.Engine.Storage;

/// <summary>How old the state files are, read from their own <c>generated_at</c> without loading them whole.</summary>
public interface IDataFreshness
{
    /// <summary>One entry per state file, in pipeline order: filtered markets, market cache, current signals, portfolio.</summary>
    Task<IReadOnlyList<FileFreshness>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One state file: its path relative to the data folder, when it was generated and from which source
/// (both null when the file does not exist yet), or why it could not be read.
/// </summary>
public sealed record FileFreshness(string File, DateTimeOffset? GeneratedAt, string? Source, string? Problem);
