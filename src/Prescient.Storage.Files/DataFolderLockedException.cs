namespace Prescient.Storage.Files;

/// <summary>
/// Another process (or another acquirer in this one) holds the data folder's lock. The message is
/// one line naming the folder and, when known, the holder's pid and start time.
/// </summary>
public sealed class DataFolderLockedException : Exception
{
    public DataFolderLockedException()
    {
    }

    public DataFolderLockedException(string message)
        : base(message)
    {
    }

    public DataFolderLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The root of the data folder that is in use.</summary>
    public string? DataFolderRoot { get; init; }

    /// <summary>The holder's process id, when it could be read.</summary>
    public int? OwnerProcessId { get; init; }

    /// <summary>When the holder took the lock (UTC), when it could be read.</summary>
    public DateTimeOffset? OwnerSince { get; init; }
}
