using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Testing.Fakes;

namespace Prescient.Storage.Influx.Tests;

/// <summary>The writer as the host wires it (<see cref="InfluxServiceCollectionExtensions.AddInfluxTimeSeries"/>), against a <see cref="FakeInflux"/>, on the given clock, logging to a <see cref="RecordingLogger{T}"/>.</summary>
internal sealed class WriterHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public WriterHarness(FakeInflux server, TimeProvider time, Action<InfluxOptions>? configure = null)
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(time)
            .AddSingleton<ILogger<InfluxLineWriter>>(Log)
            .AddInfluxTimeSeries(o =>
            {
                o.InfluxUrl = server.Url.ToString();
                o.Database = "prescient";
                configure?.Invoke(o);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Writer = _services.GetRequiredService<InfluxLineWriter>();
    }

    public RecordingLogger<InfluxLineWriter> Log { get; } = new();

    public InfluxLineWriter Writer { get; }

    public IServiceProvider Services => _services;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
