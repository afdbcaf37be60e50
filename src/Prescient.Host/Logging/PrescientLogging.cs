using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Prescient.Host.Hosting;
using Prescient.Storage.Files;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Core;
using Serilog.Extensions.Logging;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Prescient.Host.Logging;

/// <summary>
/// Serilog as the one logging provider of every command and of <c>serve</c>: one file per UTC day in
/// the data folder (<c>logs/trading_log_YYYY-MM-DD.txt</c>, from <c>Logging:File:MinimumLevel</c>,
/// default Information) and, when one is registered, a console writer. Credentials are masked
/// (<see cref="CredentialRedaction"/>); framework chatter (HTTP request lines with their URLs, Polly's
/// own retry events) stays out. A sink that fails is Serilog's to swallow: logging never breaks a run.
/// </summary>
public static class PrescientLogging
{
    public const string FileLevelKey = "Logging:File:MinimumLevel";

    /// <summary>
    /// Makes Serilog the logging provider, writing the daily file under <paramref name="dataDirectory"/>
    /// and, when a <see cref="ConsoleLog"/> is registered (<see cref="AddConsoleLog"/>, before or after
    /// this call), that console too.
    /// </summary>
    public static ILoggingBuilder AddPrescientLogging(this ILoggingBuilder logging, IConfiguration configuration, string dataDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        var fileLevel = FileLevel(configuration);
        var folder = new DataFolder(dataDirectory);
        logging.ClearProviders();

        // Serilog filters per sink; the framework's own filter lets everything through to it.
        logging.SetMinimumLevel(LogLevel.Trace);
        logging.Services.AddSingleton<ILoggerProvider>(sp =>
            new SerilogLoggerProvider(CreateLogger(folder, fileLevel, time, sp.GetService<ConsoleLog>()), dispose: true));
        return logging;
    }

    /// <summary>Sends log lines to <paramref name="console"/> as well as to the daily file.</summary>
    public static ILoggingBuilder AddConsoleLog(this ILoggingBuilder logging, ConsoleLog console)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(console);
        logging.Services.AddSingleton(console);
        return logging;
    }

    private static Logger CreateLogger(DataFolder folder, LogLevel fileLevel, TimeProvider time, ConsoleLog? console)
    {
        var lowest = console is null || console.MinimumLevel > fileLevel ? fileLevel : console.MinimumLevel;
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(ToSerilog(lowest))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .Enrich.With(new CredentialRedaction());
        if (fileLevel != LogLevel.None)
        {
            serilog.WriteTo.Sink(new DailyFileSink(folder.TradingLog, new UtcLineFormatter(), time), ToSerilog(fileLevel));
        }

        if (console is not null && console.MinimumLevel != LogLevel.None)
        {
            var template = console.WithExceptionDetails
                ? "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}"
                : "[{Level:u3}] {Message:lj}{NewLine}";
            var formatter = new MessageTemplateTextFormatter(template, CultureInfo.InvariantCulture);
            serilog.WriteTo.Sink(new WriterSink(console.Writer, formatter), ToSerilog(console.MinimumLevel));
        }

        return serilog.CreateLogger();
    }

    private static LogLevel FileLevel(IConfiguration configuration)
    {
        var text = configuration[FileLevelKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return LogLevel.Information;
        }

        return Enum.TryParse<LogLevel>(text.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new SettingsException($"{FileLevelKey} must be Trace, Debug, Information, Warning, Error, Critical or None, not '{text}'.");
    }

    private static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}
