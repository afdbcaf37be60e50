using System.Net;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Server;

/// <summary>Where the sample server listens, which universe it serves and which faults it injects.</summary>
public sealed record SampleServerOptions
{
    /// <summary>IP address to bind, or "localhost" (bound as 127.0.0.1). Default 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port (read it from <see cref="SampleServer.BaseAddress"/>). Default 0.</summary>
    public int Port { get; init; }

    /// <summary>Seed of the universe. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Events open at any moment (see <see cref="SampleUniverseOptions.Events"/>). Default 300.</summary>
    public int Events { get; init; } = 300;

    /// <summary>
    /// How often the market channel (<c>/ws/market</c>) reads the universe and sends what changed, on
    /// the server's <see cref="TimeProvider"/>; every change within one interval goes out at its end.
    /// Between 10 ms and 1 minute. Default 500 ms.
    /// </summary>
    public TimeSpan MarketChannelInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Faults injected into Gamma and CLOB replies and the market channel. Default none.</summary>
    public FaultOptions Faults { get; init; } = new();

    /// <summary>Awkward upstream behaviours to reproduce (see <see cref="ScenarioOptions"/>). Default none.</summary>
    public ScenarioOptions Scenarios { get; init; } = new();

    /// <summary>A one-line description of the first invalid value, or null when the options are valid.</summary>
    public string? Validate()
    {
        if (ParseHost() is null)
        {
            return $"Sample server host must be an IP address or \"localhost\" (got \"{Host}\").";
        }

        if (Port is < 0 or > 65535)
        {
            return $"Sample server port must be between 0 and 65535 (got {Port}).";
        }

        if (Faults is null)
        {
            return "Sample server faults must not be null.";
        }

        if (Scenarios is null)
        {
            return "Sample server scenarios must not be null.";
        }

        if (MarketChannelInterval < TimeSpan.FromMilliseconds(10) || MarketChannelInterval > TimeSpan.FromMinutes(1))
        {
            return $"Sample server market channel interval must be between 10 ms and 1 minute (got {MarketChannelInterval}).";
        }

        return new SampleUniverseOptions { Seed = Seed, Events = Events }.Validate() ?? Faults.Validate();
    }

    internal IPAddress? ParseHost() =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Host, out var address) ? address
        : null;
}
