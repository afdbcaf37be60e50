namespace Prescient.Sample.Server;

/// <summary>The kinds of fault the sample server injects (see <see cref="FaultOptions"/>).</summary>
public enum SampleFaultKind
{
    /// <summary>429 Too Many Requests with Retry-After.</summary>
    RateLimit,

    /// <summary>500, 502 or 503 with a Polymarket-style JSON error body.</summary>
    ServerError,

    /// <summary>A 200 JSON body cut in half.</summary>
    TruncatedJson,

    /// <summary>A market-channel connection dropped after <see cref="FaultOptions.WsDropAfter"/> frames.</summary>
    WsDrop,

    /// <summary>A market-channel frame cut in half (<see cref="FaultOptions.WsMalformedRate"/>).</summary>
    WsMalformed,

    /// <summary>A market-channel connection gone silent after <see cref="FaultOptions.WsSilentAfter"/> frames.</summary>
    WsSilent,
}
