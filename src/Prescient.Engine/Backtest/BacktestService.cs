using System.Diagnostics;
using Microsoft.Extensions.Options;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Calendar;
using Prescient.Engine.Exits;
using Prescient.Engine.Extraction;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Engine.Signals;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Backtest;

/// <summary>
/// <c>prescient backtest</c>: the binary markets of the last refresh that have recorded prices, replayed
/// month by month from an <see cref="IMarketHistory"/> through <see cref="BacktestEngine"/> with the
/// configured strategy and the paper executor. Only the months' points are in memory, one month at a time.
/// When the <c>Exits</c> section turns a rule on, <see cref="BacktestExits"/> sells held positions by the paper rules.
/// </summary>
public sealed class BacktestService(
    IMarketDataStore store,
    IEnumerable<IStrategy> strategies,
    IOptions<TradingOptions> trading,
    IOptions<BacktestOptions> options,
    TimeProvider time,
    IEventParser? events = null,
    IOptions<ExitOptions>? exits = null)
{
    /// <param name="hook">A hook of each step; with exits on, it runs after them.</param>
    public async Task<BacktestResult> RunAsync(BacktestRequest request, IMarketHistory history, IProgress<BacktestProgress>? progress, CancellationToken cancellationToken, IStepHook? hook = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(history);
        var settings = options.Value;
        if (settings.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var strategy = Select(strategies, request.Strategy);
        var started = time.GetTimestamp();
        var snapshot = await store.ReadMarketsAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new MissingStateException("No refreshed markets (events/filtered_markets.json) to replay", PipelineStep.Events);
        var (start, end) = (request.Start, request.End);
        var tokens = (await history.TokensAsync(start, end, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var markets = new List<ReplayMarket>();
        var used = new HashSet<TokenId>();
        foreach (var row in snapshot.Markets.OrderBy(r => r.MarketId))
        {
            if (row.YesTokenId is not { } yes || row.NoTokenId is not { } no || (!tokens.Contains(yes) && !tokens.Contains(no)))
            {
                continue;
            }

            var series = tokens.Contains(yes) ? yes : no;
            used.Add(yes);
            used.Add(no);
            var resolution = await history.ResolutionAsync(yes, cancellationToken).ConfigureAwait(false);
            var closeAt = resolution is null ? null : await CloseAsync(history, series, start, end, settings.MaxPriceAge, cancellationToken).ConfigureAwait(false);
            markets.Add(new ReplayMarket(row, series, resolution, closeAt));
        }

        var executor = new PaperExecutor(trading, strategy);
        var books = new SyntheticBookModel(settings);
        var exitHook = exits?.Value is { Enabled: true } rules
            ? new BacktestExits(new ExitExecutor(Options.Create(rules), trading, TradingCalendar.Utc), books, snapshot.Source.Name, hook)
            : null;
        var engine = new BacktestEngine(strategy, executor, books, markets, trading.Value.InitialCash, snapshot.Source.Name, exitHook ?? hook);
        var total = (end - start).Ticks / settings.Step.Ticks;
        var buffer = new HistoryPoint[31 * 24];
        HistoryMonth? loaded = null;
        var steps = 0L;
        for (var now = start; now < end; now += settings.Step)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var month = HistoryMonth.Of(now);
            if (loaded != month)
            {
                var from = month.Start < start ? start : month.Start;
                var to = month.End > end ? end : month.End;
                foreach (var market in engine.Markets)
                {
                    (buffer, var count) = await ReadAsync(history, market.Series, from, to, buffer, cancellationToken).ConfigureAwait(false);
                    market.Load(buffer.AsSpan(0, count));
                }

                loaded = month;
            }

            engine.Step(now);
            steps++;
            if (steps % 24 == 0 || steps == total)
            {
                progress?.Report(new BacktestProgress(steps, total));
            }
        }

        engine.Finish(end);
        return new BacktestResult
        {
            Request = request,
            Strategy = strategy.Name,
            StrategySettings = strategy.Settings,
            History = history.Name,
            Source = snapshot.Source.Name,
            Step = settings.Step,
            InitialCash = trading.Value.InitialCash,
            Options = settings,
            Trades = engine.Trades,
            Days = engine.Days,
            Rejections = exitHook is null ? engine.Rejections : Merge(engine.Rejections, exitHook.Rejections),
            Markets = markets.ToDictionary(m => m.Row.MarketId, m => m.Row),
            Categories = await CategoriesAsync(cancellationToken).ConfigureAwait(false),
            TokensWithoutMarket = tokens.Count(t => !used.Contains(t)),
            Steps = steps,
            PointsPassed = engine.PointsPassed,
            MarketEvaluations = engine.MarketEvaluations,
            Signals = engine.Signals,
            Duration = time.GetElapsedTime(started),
        };
    }

    /// <summary>The strategy named <paramref name="name"/> (case-insensitive), or the configured one (the last registered) when null.</summary>
    internal static IStrategy Select(IEnumerable<IStrategy> strategies, string? name)
    {
        var all = strategies.ToArray();
        if (name is null)
        {
            return all[^1];
        }

        return all.LastOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown strategy '{name}': the strategies configured are {string.Join(", ", all.Select(s => s.Name).Distinct())}.", nameof(name));
    }

    private static Dictionary<RejectionReason, int> Merge(IReadOnlyDictionary<RejectionReason, int> buys, IReadOnlyDictionary<RejectionReason, int> exits)
    {
        var all = buys.ToDictionary();
        foreach (var (reason, count) in exits)
        {
            all[reason] = all.GetValueOrDefault(reason) + count;
        }

        return all;
    }

    /// <summary>Every point of <paramref name="token"/> in [from, to) into <paramref name="buffer"/> (grown when needed), and how many.</summary>
    private static async Task<(HistoryPoint[] Buffer, int Count)> ReadAsync(IMarketHistory history, TokenId token, DateTimeOffset from, DateTimeOffset to, HistoryPoint[] buffer, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var chunk in history.ReadAsync(token, from, to, cancellationToken).ConfigureAwait(false))
        {
            if (count + chunk.Length > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, count + chunk.Length));
            }

            chunk.Span.CopyTo(buffer.AsSpan(count));
            count += chunk.Length;
        }

        return (buffer, count);
    }

    /// <summary>When a resolved market stopped trading: its last point in the range, when the series ends more than <paramref name="maxAge"/> before the range does; else null (it traded to the end).</summary>
    private static async Task<DateTimeOffset?> CloseAsync(IMarketHistory history, TokenId token, DateTimeOffset from, DateTimeOffset to, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        HistoryPoint? last = null;
        await foreach (var chunk in history.ReadAsync(token, from, to, cancellationToken).ConfigureAwait(false))
        {
            last = chunk.Span[^1];
        }

        return last is { } point && point.Time + maxAge < to ? point.Time : null;
    }

    private async Task<IReadOnlyDictionary<EventId, string>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var categories = new Dictionary<EventId, string>();
        if (events is null || await store.ReadFilteredEventsAsync(cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return categories;
        }

        foreach (var raw in stored.Events)
        {
            if (events.Parse(raw) is { } parsed && parsed.Tags.FirstOrDefault(t => t.Label is not null) is { } tag)
            {
                categories[parsed.Id] = tag.Label!;
            }
        }

        return categories;
    }
}
