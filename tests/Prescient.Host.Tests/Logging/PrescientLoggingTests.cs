using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Prescient.Host.Hosting;
using Prescient.Host.Logging;
using Prescient.Storage.Files;
using Prescient.Testing;

namespace Prescient.Host.Tests.Logging;

public sealed class PrescientLoggingTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 23, 59, 59, TimeSpan.Zero));

    private DataFolder Folder => new(_dir.Path);

    [Fact]
    public void Log_AcrossMidnightUtc_OneFilePerDayWithLevelCategoryAndScopeFields()
    {
        using (var services = Services())
        {
            var logger = services.GetRequiredService<ILogger<PrescientLoggingTests>>();
            using (logger.BeginScope(new Dictionary<string, object> { ["RunId"] = "r-17" }))
            {
                logger.LogInformation("Filled {SignalId} for {Stake} USDC", "20260302-42-buy_no", 100m);
            }

            _time.Advance(TimeSpan.FromSeconds(1));
            logger.LogWarning("Book for {Token} is stale", "123");
        }

        var first = File.ReadAllText(Folder.TradingLog(new DateOnly(2026, 3, 2)));
        var second = File.ReadAllText(Folder.TradingLog(new DateOnly(2026, 3, 3)));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[INF\] Prescient\.Host\.Tests\.Logging\.PrescientLoggingTests: Filled 20260302-42-buy_no for 100 USDC \{""RunId"":""r-17""\}\n$", first);
        Assert.DoesNotContain("stale", first, StringComparison.Ordinal);
        Assert.Contains("[WRN]", second, StringComparison.Ordinal);
        Assert.Contains("Book for 123 is stale", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_UrlWithCredentials_MaskedInTheFile()
    {
        using (var services = Services())
        {
            services.GetRequiredService<ILogger<PrescientLoggingTests>>()
                .LogInformation("Fetching {Url} via {Proxy}", "https://trader:hunter2@gamma.example/events?api_key=abc123&limit=500", new Uri("http://u:p@proxy.local:8080/"));
        }

        var text = File.ReadAllText(Folder.TradingLog(new DateOnly(2026, 3, 2)));
        Assert.Contains("https://***@gamma.example/events?api_key=***&limit=500", text, StringComparison.Ordinal);
        Assert.Contains("http://***@proxy.local:8080/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://gamma-api.polymarket.com/events/keyset?limit=500", null)]
    [InlineData("postgres://app:s3cret@db:5432/prescient", "postgres://***@db:5432/prescient")]
    [InlineData("GET /books?token=xyz&side=buy", "GET /books?token=***&side=buy")]
    [InlineData("a=b", null)]
    public void Redact_Text_MasksOnlyCredentials(string text, string? expected) =>
        Assert.Equal(expected, CredentialRedaction.Redact(text));

    [Fact]
    public void Log_FileLevelWarningAndAConsole_EachSinkKeepsItsOwnLevel()
    {
        var console = new StringWriter();
        using (var services = Services(new() { [PrescientLogging.FileLevelKey] = "Warning" }, new ConsoleLog(console, LogLevel.Error)))
        {
            var logger = services.GetRequiredService<ILogger<PrescientLoggingTests>>();
            logger.LogInformation("routine");
            logger.LogWarning("careful");
            logger.LogError(new InvalidOperationException("boom"), "failed");
        }

        var file = File.ReadAllText(Folder.TradingLog(new DateOnly(2026, 3, 2)));
        Assert.DoesNotContain("routine", file, StringComparison.Ordinal);
        Assert.Contains("careful", file, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom", file, StringComparison.Ordinal);
        Assert.Equal("[ERR] failed" + Environment.NewLine, console.ToString());
    }

    [Fact]
    public void Log_LogsFolderCannotBeCreated_NeverThrows()
    {
        Directory.CreateDirectory(Folder.Root);
        File.WriteAllText(Folder.LogsDirectory, "a file where the logs folder should be");

        using (var services = Services())
        {
            var logger = services.GetRequiredService<ILogger<PrescientLoggingTests>>();
            for (var i = 0; i < 3; i++)
            {
                logger.LogError("still trading {Attempt}", i);
            }
        }

        Assert.Equal("a file where the logs folder should be", File.ReadAllText(Folder.LogsDirectory));
    }

    [Theory]
    [InlineData("Verbose")]
    [InlineData("loud")]
    public void AddPrescientLogging_UnknownFileLevel_SettingsErrorNamingTheKey(string level)
    {
        var error = Assert.Throws<SettingsException>(() => Services(new() { [PrescientLogging.FileLevelKey] = level }));

        Assert.Contains(PrescientLogging.FileLevelKey, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Services(Dictionary<string, string?>? settings = null, ConsoleLog? console = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return new ServiceCollection()
            .AddLogging(b =>
            {
                b.AddPrescientLogging(configuration, _dir.Path, _time);
                if (console is not null)
                {
                    b.AddConsoleLog(console);
                }
            })
            .BuildServiceProvider();
    }
}
