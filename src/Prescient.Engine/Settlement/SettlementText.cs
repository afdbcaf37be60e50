using System.Globalization;

namespace Prescient.Engine.Settlement;

/// <summary>The words of settlement results, in one place so the CLI, the API, the run log and the tests say the same thing.</summary>
public static class SettlementText
{
    public const string NotKnownUpstream = "the market is not known upstream any more";

    /// <summary>"2 held markets could not be looked up" (or "1 held market …").</summary>
    public static string LookupFailures(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} held market{(count == 1 ? string.Empty : "s")} could not be looked up");
}
