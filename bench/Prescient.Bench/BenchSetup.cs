using System.Globalization;
using Microsoft.Extensions.Configuration;
using Prescient.Sample.Server;

namespace Prescient.Bench;

/// <summary>What every bench command shares: integer options, and a configuration pointing a data folder at a sample server.</summary>
internal static class BenchSetup
{
    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/> when the option is absent.</summary>
    public static int Arg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A fresh temporary data folder path (not created).</summary>
    public static string TempData(string prefix) => Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

    /// <summary>Prescient settings writing to <paramref name="data"/> and reading Gamma and the CLOB from <paramref name="server"/>.</summary>
    public static IConfiguration Configuration(string data, SampleServer server) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data"] = data,
                ["Polymarket:GammaUrl"] = server.BaseAddress.ToString(),
                ["Polymarket:ClobUrl"] = server.BaseAddress.ToString(),
            })
            .Build();
}
