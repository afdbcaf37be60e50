namespace Prescient.Integration.Tests;

/// <summary>
/// The addresses of the real servers <c>scripts/services up</c> starts, from the environment that
/// <c>eval "$(scripts/services env)"</c> sets (scripts/test.sh does both). A test that needs one and
/// finds it unset fails, saying so: it is never skipped silently.
/// </summary>
internal static class RealServers
{
    public static Uri InfluxDb => new(Required("PRESCIENT_SERVICES_INFLUXDB"));

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run scripts/services up, then eval \"$(scripts/services env)\" (scripts/test.sh does both).");
}
