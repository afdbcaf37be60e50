using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Tests.Trading;

public sealed class TradingRegistrationTests
{
    [Fact]
    public void AddPrescientEngine_WithoutBoundOptions_ResolvesOneExecutorOnTheDefaults()
    {
        using var services = new ServiceCollection().AddPrescientEngine().BuildServiceProvider();

        var executor = services.GetRequiredService<PaperExecutor>();

        Assert.Same(executor, services.GetRequiredService<PaperExecutor>());
    }

    [Fact]
    public void AddPrescientEngine_OptionsFromTheHost_ReachTheExecutor()
    {
        var collection = new ServiceCollection().AddPrescientEngine();
        collection.AddSingleton(Options.Create(new TradingOptions { MaxBookAge = TimeSpan.Zero }));
        using var services = collection.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => services.GetRequiredService<PaperExecutor>());

        Assert.Contains("Trading:MaxBookAge", error.Message, StringComparison.Ordinal);
    }
}
