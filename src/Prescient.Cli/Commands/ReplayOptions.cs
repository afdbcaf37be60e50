using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;
using Prescient.Host.Hosting;
using Prescient.Polymarket.MarketHistory;
using Prescient.Storage.Files;
using Prescient.Storage.Files.MarketHistory;

namespace Prescient.Cli.Commands;

/// <summary>The options <c>backtest</c> and <c>sweep</c> share: the date range, the step and the price history to replay.</summary>
internal sealed class ReplayOptions
{
    public Option<string> From { get; } = new("--from") { Description = "First day, YYYY-MM-DD (UTC).", Required = true };

    public Option<string> To { get; } = new("--to") { Description = "Last day, YYYY-MM-DD (UTC), included.", Required = true };

    public Option<string> Step { get; } = new("--step") { Description = "Time between decisions: 1h or 1d (default Backtest:Step, 1 day)." };

    public Option<string> History { get; } = new("--history") { Description = "cache: pricehistory/ of `history fetch` (default); daily: markets/daily_prices_*.json; feed: a recorded market WebSocket tape (--feed-tape)." };

    public Option<string> FeedTape { get; } = new("--feed-tape") { Description = "With --history feed: a file of recorded market-channel frames (separated by ;; or line breaks), or a folder of them (*.txt, *.jsonl); default the data folder's feed/." };

    public IEnumerable<Option> All => [From, To, Step, History, FeedTape];

    /// <summary>The range given, or a one-line settings error when a day does not read or the range is backwards.</summary>
    public (DateOnly From, DateOnly To) Range(ParseResult parse)
    {
        var first = CliDates.Day("--from", parse.GetValue(From)!);
        var last = CliDates.Day("--to", parse.GetValue(To)!);
        return first <= last ? (first, last) : throw new SettingsException($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
    }

    /// <summary>The settings the options set (<c>Backtest:Step</c>), added to <paramref name="settings"/>.</summary>
    public Dictionary<string, string?> Settings(ParseResult parse, Dictionary<string, string?>? settings = null)
    {
        settings ??= new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parse.GetValue(Step) is { } text)
        {
            settings["Backtest:Step"] = text switch
            {
                "1h" => "01:00:00",
                "1d" => "1.00:00:00",
                _ => throw new SettingsException($"--step must be 1h or 1d, not '{text}'."),
            };
        }

        return settings;
    }

    /// <summary>The market history <c>--history</c> names.</summary>
    public IMarketHistory Source(ParseResult parse, IServiceProvider services) => parse.GetValue(History) switch
    {
        null or "cache" => services.GetRequiredService<CachedMarketHistory>(),
        "daily" => services.GetRequiredService<DailyPricesMarketHistory>(),
        "feed" => Feed(parse.GetValue(FeedTape) ?? Path.Combine(services.GetRequiredService<DataFolder>().Root, "feed"), services),
        var other => throw new SettingsException($"--history must be cache, daily or feed, not '{other}'."),
    };

    private static FeedTapeMarketHistory Feed(string path, IServiceProvider services)
    {
        try
        {
            return new FeedTapeMarketHistory(path, services.GetService<IMarketDataStore>(), services.GetRequiredService<ILogger<FeedTapeMarketHistory>>());
        }
        catch (FileNotFoundException e)
        {
            throw new SettingsException(e.Message);
        }
    }
}
