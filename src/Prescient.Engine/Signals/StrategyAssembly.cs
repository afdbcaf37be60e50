using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Prescient.Engine.Signals;

/// <summary>
/// A user's strategies in their own assembly: loaded into a context of its own, the assemblies the
/// host already ships (Prescient.*, Microsoft.Extensions.*, …) taken from the host so that
/// <see cref="IStrategy"/> is one type on both sides, any other dependency from the assembly's folder.
/// </summary>
internal static class StrategyAssembly
{
    /// <summary>The public, non-abstract <see cref="IStrategy"/> classes of the assembly at <paramref name="path"/>, by full name.</summary>
    public static IReadOnlyList<Type> StrategyTypes(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw StrategyCatalog.Invalid($"Strategy:Assembly {full} does not exist.");
        }

        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // The native build (PublishAot, scripts/build-native.sh) has no JIT to run another assembly's code.
            throw StrategyCatalog.Invalid($"Strategy:Assembly {full} cannot be loaded by the native build: run the command on the JIT build (PRESCIENT_NATIVE=0 ./prescient …).");
        }

        Assembly assembly;
        try
        {
            assembly = new PluginContext(full).LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException e)
        {
            throw StrategyCatalog.Invalid($"Strategy:Assembly {full} is not a .NET assembly ({e.Message}).");
        }

        return assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStrategy).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
    }

    private sealed class PluginContext(string path) : AssemblyLoadContext($"strategy:{Path.GetFileName(path)}")
    {
        private static readonly HashSet<string> Shared = SharedNames();
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Null hands the name to the default context: the host's copy, loaded once.
            if (assemblyName.Name is { } name && Shared.Contains(name))
            {
                return null;
            }

            return _resolver.ResolveAssemblyToPath(assemblyName) is { } file ? LoadFromAssemblyPath(file) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } file ? LoadUnmanagedDllFromPath(file) : IntPtr.Zero;

        /// <summary>The host's own assemblies: the trusted platform list (the app and the framework) and whatever is loaded already.</summary>
        private static HashSet<string> SharedNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                names.UnionWith(list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileNameWithoutExtension).OfType<string>());
            }

            names.UnionWith(Default.Assemblies.Select(a => a.GetName().Name).OfType<string>());
            return names;
        }
    }
}
