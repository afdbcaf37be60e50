using System.Text.Json.Nodes;

namespace Prescient.Testing;

/// <summary>The recorded Polymarket payloads in the repository's <c>fixtures/polymarket/</c> folder.</summary>
public static class Fixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of a fixture, e.g. <c>Path("gamma/market_resolved_binary_no_won.json")</c>.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static JsonNode Json(string relative) =>
        JsonNode.Parse(Text(relative)) ?? throw new InvalidOperationException($"Fixture {relative} is JSON null.");

    /// <summary>The repository root (the folder holding Prescient.slnx).</summary>
    public static string RepositoryRoot => System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Root.Value))!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "fixtures", "polymarket");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "Prescient.slnx")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("fixtures/polymarket not found above " + AppContext.BaseDirectory);
    }
}
