namespace Prescient.Storage.Influx;

/// <summary>
/// The <c>TimeSeries</c> settings: where InfluxDB 1.x listens and how points are batched. The sink is
/// enabled only when <see cref="InfluxUrl"/> is set.
/// </summary>
public sealed class InfluxOptions
{
    public const string SectionName = "TimeSeries";

    /// <summary>InfluxDB's HTTP address, e.g. <c>http://127.0.0.1:58086/</c> (what <c>scripts/services up influxdb</c> starts). Unset: no time series.</summary>
    public string? InfluxUrl { get; set; }

    /// <summary>The database points are written to (it must exist: <c>scripts/services up</c> creates <c>prescient</c>). Default <c>prescient</c>.</summary>
    public string Database { get; set; } = "prescient";

    /// <summary>Points per <c>/write</c> request, at most. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a batch that is not full waits for more points before it is sent. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Points queued at most while InfluxDB is slow or down; beyond, new points are dropped and counted. Default 10 000.</summary>
    public int BufferCapacity { get; set; } = 10_000;

    /// <summary>One <c>/write</c> request's time limit; a request over it is retried. Default 5 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait before a failed batch is sent again; it doubles (with ±20 % jitter) up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts at a batch. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long closing the process waits for the queued points to be written; what is left then is dropped and counted. Default 5 s.</summary>
    public TimeSpan DisposeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most one "points dropped" warning per this interval (with the count since the last one). Default 1 min.</summary>
    public TimeSpan DropWarningInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One line saying what is wrong, or null.</summary>
    public string? Validate()
    {
        if (!Uri.TryCreate(InfluxUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"{SectionName}:InfluxUrl must be an absolute http(s) address such as http://127.0.0.1:58086/, not '{InfluxUrl}'.";
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            return $"{SectionName}:Database must not be empty.";
        }

        if (BatchSize < 1 || BatchSize > 100_000)
        {
            return $"{SectionName}:BatchSize must be in [1, 100000], not {BatchSize}.";
        }

        if (BufferCapacity < BatchSize)
        {
            return $"{SectionName}:BufferCapacity must be at least BatchSize ({BatchSize}), not {BufferCapacity}.";
        }

        foreach (var (name, value) in new[]
                 {
                     (nameof(FlushInterval), FlushInterval), (nameof(RequestTimeout), RequestTimeout), (nameof(RetryDelay), RetryDelay),
                     (nameof(MaxRetryDelay), MaxRetryDelay), (nameof(DisposeTimeout), DisposeTimeout), (nameof(DropWarningInterval), DropWarningInterval),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                return $"{SectionName}:{name} must be positive, not {value}.";
            }
        }

        return MaxRetryDelay < RetryDelay ? $"{SectionName}:MaxRetryDelay must be at least RetryDelay ({RetryDelay}), not {MaxRetryDelay}." : null;
    }

    /// <summary>The <c>/write</c> address for <paramref name="precision"/>'s timestamps.</summary>
    internal Uri WriteUri(LineProtocol.LinePrecision precision)
    {
        var root = InfluxUrl!.EndsWith('/') ? InfluxUrl : InfluxUrl + "/";
        return new Uri(new Uri(root), $"write?db={Uri.EscapeDataString(Database)}&precision={LineProtocol.LinePrecisionExtensions.QueryValue(precision)}");
    }
}
