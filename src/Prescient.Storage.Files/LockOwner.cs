namespace Prescient.Storage.Files;

/// <summary>Who holds a data folder lock, as recorded beside it: process id, machine, since when (UTC).</summary>
internal sealed record LockOwner(int Pid, string Machine, DateTimeOffset Since);
