namespace Prescient.Host.Workers;

/// <summary>
/// The work bus (section <c>Bus</c>; <c>--bus redis --redis host:port</c>): when a pending message of a
/// worker that stopped answering is claimed by another, how often one is tried before it goes to the
/// dead letters, and how often an idle worker looks for work.
/// </summary>
public sealed record BusOptions
{
    public const string SectionName = "Bus";

    /// <summary><c>none</c> (the cycle runs in the process, default) or <c>redis</c>.</summary>
    public string Kind { get; init; } = "none";

    /// <summary>The Redis server (key <c>Redis</c>, option <c>--redis</c>), host:port.</summary>
    public string? Redis { get; init; }

    /// <summary>A message pending this long with a worker that has not acknowledged it is claimed by another (XAUTOCLAIM). Default 30 s.</summary>
    public TimeSpan ClaimAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries after which a message that keeps failing goes to the dead-letter stream. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How long a worker with nothing to do waits before it looks again. Default 200 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Signals per execution message: a cycle with more is executed in parts of this many, which any
    /// execution workers share (0: the whole cycle in one message). Default 50.
    /// </summary>
    public int ExecutionBatch { get; init; } = 50;

    public bool IsRedis => string.Equals(Kind, "redis", StringComparison.OrdinalIgnoreCase);

    public string? Validate() =>
        Kind is not ("none" or "redis") ? $"Bus:Kind must be 'none' or 'redis', not '{Kind}'."
        : IsRedis && string.IsNullOrWhiteSpace(Redis) ? "--bus redis needs --redis host:port (e.g. 127.0.0.1:56379)."
        : ClaimAfter <= TimeSpan.Zero ? "Bus:ClaimAfter must be positive."
        : MaxAttempts < 1 ? "Bus:MaxAttempts must be 1 or more."
        : PollInterval <= TimeSpan.Zero ? "Bus:PollInterval must be positive."
        : ExecutionBatch < 0 ? "Bus:ExecutionBatch must be 0 (one message per cycle) or more."
        : null;
}

/// <summary>Which stages a worker runs.</summary>
public enum WorkerRole
{
    Quotes,
    Signals,
    Execution,
    All,
}
