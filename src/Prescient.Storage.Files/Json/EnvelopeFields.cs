using Prescient.Engine.Markets;

namespace Prescient.Storage.Files.Json;

/// <summary>The checks every envelope gets when read back: a named source and counts that match the lists.</summary>
internal static class EnvelopeFields
{
    public static MarketSourceInfo Source(string path, string name, bool simulated) =>
        string.IsNullOrWhiteSpace(name)
            ? throw JsonFile.Corrupt(path, "source is empty.")
            : new MarketSourceInfo(name, simulated);

    public static void RequireCount(string path, string key, int declared, int actual, string items)
    {
        if (declared != actual)
        {
            throw JsonFile.Corrupt(path, $"{key} says {declared} but {actual} {items} are listed.");
        }
    }
}
