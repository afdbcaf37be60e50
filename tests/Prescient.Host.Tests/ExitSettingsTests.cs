using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Engine.Exits;
using Prescient.Host.Hosting;
using Prescient.Testing;

namespace Prescient.Host.Tests;

/// <summary>The <c>Exits</c> settings as a settings file gives them: the README's nulls are off, values bind as decimals, a value out of range is a one-line error.</summary>
public sealed class ExitSettingsTests
{
    [Fact]
    public void Bind_TheReadmesNulls_EveryRuleOff()
    {
        var options = Bind("""{ "Exits": { "TakeProfit": null, "StopLoss": null, "HoursBeforeEnd": null } }""");

        Assert.Equal(new ExitOptions(), options);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Bind_Values_AreTheDecimalsWritten()
    {
        var options = Bind("""{ "Exits": { "TakeProfit": 0.25, "StopLoss": 0.3, "HoursBeforeEnd": 36 } }""");

        Assert.Equal(new ExitOptions { TakeProfit = 0.25m, StopLoss = 0.3m, HoursBeforeEnd = 36m }, options);
    }

    [Fact]
    public void Bind_StopLossOfOne_OneLineErrorNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind("""{ "Exits": { "StopLoss": 1 } }"""));

        Assert.StartsWith("Exits:StopLoss must be", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static ExitOptions Bind(string json)
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "settings.json");
        File.WriteAllText(file, json);
        var configuration = new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection(new Dictionary<string, string?> { ["Data"] = dir.Path }).Build();
        var settings = PrescientSettings.From(configuration);
        var services = new ServiceCollection().AddLogging()
            .AddPrescient(configuration, settings, MarketBackend.NotReached(settings))
            .BuildServiceProvider();
        using (services)
        {
            return services.GetRequiredService<IOptions<ExitOptions>>().Value;
        }
    }
}
