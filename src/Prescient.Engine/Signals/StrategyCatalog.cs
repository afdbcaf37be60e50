using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Prescient.Engine.Signals;

/// <summary>
/// Makes the strategy <c>Strategy:Name</c> names: a built-in one, or a public <see cref="IStrategy"/>
/// class of <c>Strategy:Assembly</c> whose <see cref="IStrategy.Name"/> it is. Every strategy is built
/// by dependency injection (<see cref="ActivatorUtilities"/>), so its constructor can take
/// <c>IOptions&lt;T&gt;</c>, <c>IConfiguration</c>, <c>TimeProvider</c> and the like. An unknown name
/// is a settings error (<see cref="OptionsValidationException"/>) naming the known ones.
/// </summary>
public static class StrategyCatalog
{
    /// <summary>The built-in strategies by name, each made by a generic call so that an ahead-of-time
    /// compiled build keeps its constructor.</summary>
    private static readonly SortedDictionary<string, Func<IServiceProvider, IStrategy>> BuiltIn = new(StringComparer.Ordinal)
    {
        [ThresholdStrategy.StrategyName] = s => ActivatorUtilities.CreateInstance<ThresholdStrategy>(s),
        [FavouriteStrategy.StrategyName] = s => ActivatorUtilities.CreateInstance<FavouriteStrategy>(s),
    };

    public static IStrategy Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var selection = services.GetRequiredService<IOptions<StrategySelectionOptions>>().Value;
        var name = selection.Name?.Trim() ?? string.Empty;
        var declared = new List<string>();
        if (!string.IsNullOrWhiteSpace(selection.Assembly))
        {
            foreach (var type in StrategyAssembly.StrategyTypes(selection.Assembly))
            {
                var strategy = (IStrategy)ActivatorUtilities.CreateInstance(services, type);
                if (string.Equals(strategy.Name, name, StringComparison.Ordinal))
                {
                    return strategy;
                }

                declared.Add(strategy.Name);
                (strategy as IDisposable)?.Dispose();
            }
        }

        if (BuiltIn.TryGetValue(name, out var builtIn))
        {
            return builtIn(services);
        }

        var known = string.Join(", ", BuiltIn.Keys.Concat(declared).Distinct().Order(StringComparer.Ordinal));
        var where = declared.Count > 0 || !string.IsNullOrWhiteSpace(selection.Assembly) ? $" (built in, or in {Path.GetFullPath(selection.Assembly!)})" : string.Empty;
        throw Invalid($"Strategy:Name '{name}' is not a known strategy; known{where}: {known}.");
    }

    internal static OptionsValidationException Invalid(string problem) =>
        new(StrategySelectionOptions.SectionName, typeof(StrategySelectionOptions), [problem]);
}
