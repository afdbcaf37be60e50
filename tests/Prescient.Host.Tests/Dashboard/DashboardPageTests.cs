using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Prescient.Host.Dashboard;

namespace Prescient.Host.Tests.Dashboard;

/// <summary>The page's files as shipped beside the program: what the CSP and the offline promise require of them.</summary>
public sealed partial class DashboardPageTests
{
    private static string Root => DashboardApi.WebRoot;

    [Fact]
    public void Page_HasNoInlineScriptStyleOrHandler_AndLoadsOnlyItsOwnFiles()
    {
        var html = File.ReadAllText(Path.Combine(Root, "index.html"));

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch("<style", html);
        Assert.DoesNotMatch(HandlerOrStyleAttribute(), html);
        var sources = Source().Matches(html).Select(m => m.Groups["path"].Value).ToArray();
        Assert.Equal(5, sources.Length);
        Assert.Contains("href=\"favicon.svg\"", html, StringComparison.Ordinal);
        Assert.All(sources, path =>
        {
            Assert.DoesNotContain("//", path, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Root, path)), path);
        });
    }

    [Fact]
    public void Scripts_UnderThreeHundredKilobytes_AndServerTextNeverBecomesHtml()
    {
        var scripts = Directory.GetFiles(Root, "*.js", SearchOption.AllDirectories);

        Assert.InRange(scripts.Sum(f => new FileInfo(f).Length), 1, 300 * 1024);
        var own = File.ReadAllText(Path.Combine(Root, "js", "dashboard.js"));
        Assert.DoesNotMatch("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|eval\\(|new Function", own);
    }

    [Fact]
    public void VendoredFiles_MatchTheirChecksums_EachWithItsLicence()
    {
        var lib = Path.Combine(Root, "lib");
        var sums = File.ReadAllLines(Path.Combine(lib, "SHA256SUMS")).Where(l => l.Length > 0).ToArray();

        Assert.NotEmpty(sums);
        foreach (var line in sums)
        {
            var (hash, path) = (line[..64], line[66..]);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(lib, path)))));
        }

        var packages = Directory.GetDirectories(lib);
        Assert.Equal(2, packages.Length);
        Assert.All(packages, p => Assert.Contains(sums, l => l.EndsWith($"  {Path.GetFileName(p)}/LICENSE", StringComparison.Ordinal)));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\s(on[a-z]+|style)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerOrStyleAttribute();

    [GeneratedRegex("(?:src|href)=\"(?<path>[^\"]+\\.(?:js|css))\"", RegexOptions.IgnoreCase)]
    private static partial Regex Source();
}
