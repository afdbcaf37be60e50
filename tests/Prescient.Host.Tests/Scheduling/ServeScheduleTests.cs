using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Host.Tests.Scheduling;

/// <summary><c>prescient serve</c> on a fake clock: at 09:00 the scheduler runs the real cycle against the in-process sample market.</summary>
public sealed class ServeScheduleTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Serve_ClockReaches0900_RunsTheCycleAndRecordsIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));
        var done = new LogSignal("Job cycle done");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data"] = _dir.Path, ["Sample:Events"] = "60" })
            .Build();
        await using var api = await PrescientApi.StartAsync(configuration, "http://127.0.0.1:0", logging => logging.AddProvider(done), CancellationToken.None, time);

        time.Advance(TimeSpan.FromMinutes(30));
        var folder = new DataFolder(_dir.Path);
        try
        {
            await done.Seen.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Assert.Fail("no cycle done; the log so far:\n" + string.Join('\n', Directory.EnumerateFiles(folder.LogsDirectory).Select(File.ReadAllText)));
        }

        var run = Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(folder.RunLog))!.AsArray())!;
        Assert.Equal(("cycle", true, "2026-03-02T09:00:00Z"), ((string?)run["kind"], (bool)run["succeeded"]!, (string?)run["started_at"]));
        Assert.NotEmpty(JsonNode.Parse(await File.ReadAllTextAsync(folder.PaperTrades))!.AsArray());
        Assert.Contains("Job cycle done", await File.ReadAllTextAsync(folder.TradingLog(new DateOnly(2026, 3, 2))), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Completes <see cref="Seen"/> when a log message contains the given text.</summary>
    private sealed class LogSignal(string text) : ILoggerProvider, ILogger
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains(text, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
