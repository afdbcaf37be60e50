using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Engine.Signals;

namespace Prescient.Engine.Tests.Signals;

public sealed class StrategyCatalogTests
{
    [Fact]
    public void Create_NoName_IsTheThresholdStrategy()
    {
        using var services = Services(null);

        Assert.IsType<ThresholdStrategy>(services.GetRequiredService<IStrategy>());
    }

    [Fact]
    public void Create_Favourite_IsTheFavouriteStrategyWithItsOptions()
    {
        using var services = Services(new StrategySelectionOptions { Name = "favourite" });

        var strategy = Assert.IsType<FavouriteStrategy>(services.GetRequiredService<IStrategy>());
        Assert.Equal("favourite", strategy.Name);
        Assert.Equal("0.80", strategy.Settings["min_price"]);
    }

    [Fact]
    public void Create_UnknownName_OneLineSettingsErrorNamingTheKnownOnes()
    {
        using var services = Services(new StrategySelectionOptions { Name = "momentum" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStrategy>());

        Assert.Equal("Strategy:Name 'momentum' is not a known strategy; known: favourite, threshold.", Assert.Single(error.Failures));
    }

    [Fact]
    public void Create_MissingAssembly_SaysWhichPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-strategy-" + Guid.NewGuid().ToString("N") + ".dll");
        using var services = Services(new StrategySelectionOptions { Name = "longshot", Assembly = path });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStrategy>());

        Assert.Equal($"Strategy:Assembly {path} does not exist.", Assert.Single(error.Failures));
    }

    private static ServiceProvider Services(StrategySelectionOptions? selection)
    {
        var services = new ServiceCollection();
        if (selection is not null)
        {
            services.AddSingleton(Options.Create(selection));
        }

        return services.AddPrescientEngine().BuildServiceProvider();
    }
}
