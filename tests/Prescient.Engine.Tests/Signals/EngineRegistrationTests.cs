using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Signals;

namespace Prescient.Engine.Tests.Signals;

public sealed class EngineRegistrationTests
{
    [Fact]
    public void AddPrescientEngine_RegistersTheThresholdStrategyAndTheSignalService()
    {
        var services = new ServiceCollection().AddPrescientEngine();

        Assert.Single(services, d => d.ServiceType == typeof(IStrategy));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<ThresholdStrategy>(provider.GetRequiredService<IStrategy>());
        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(SignalService)).Lifetime);
    }

    [Fact]
    public void AddPrescientEngine_AnotherStrategyRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStrategy>(new ThresholdStrategy(Microsoft.Extensions.Options.Options.Create(new ThresholdStrategyOptions { Threshold = 0.7m })));

        services.AddPrescientEngine();

        Assert.NotNull(Assert.Single(services, d => d.ServiceType == typeof(IStrategy)).ImplementationInstance);
    }
}
