using Prescient.Domain.History;
using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;
using Prescient.Engine.Quotes;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The time loop of a backtest, the only place the simulated clock moves. Each <see cref="Step"/> at
/// time t: move every market's cursor past the points at or before t, settle held markets that closed
/// (1 / 0 / 0.5 per share, <see cref="Portfolio.CreateSettlement"/>), run the <see cref="IStepHook"/>
/// (exits), ask the strategy for signals on the markets whose price changed (every market on a new
/// trading day, as the daily cycle does, and those whose last signal was refused), decide each with
/// <see cref="PaperExecutor.Decide"/> against the synthetic books, apply the records; at a day's end,
/// one <see cref="PortfolioDay"/> marked at the best bids. The same code as paper trading decides;
/// only the clock and the books differ. Deterministic: markets in id order, no wall clock, no randomness.
/// A built-in strategy (<see cref="IRuleStrategy"/>) reads the quotes as values (<see cref="ReplayQuotes"/>):
/// a step then allocates only its signals and their decisions. The signal path is in <c>BacktestEngine.Signals.cs</c>.
/// </summary>
public sealed partial class BacktestEngine
{
    private readonly IStrategy _strategy;
    private readonly PaperExecutor _executor;
    private readonly SyntheticBookModel _books;
    private readonly IStepHook? _hook;
    private readonly string _source;
    private readonly IRuleStrategy? _rules;
    private readonly ReplayQuotes _quotes;
    private readonly Dictionary<MarketId, ReplayMarket> _byMarket = [];

    /// <summary>The events in id order, each with its markets in id order; a market's event by its index in <see cref="Markets"/>.</summary>
    private readonly ReplayMarket[][] _events;
    private readonly Dictionary<MarketId, int> _eventIndex;
    private readonly int[] _eventOf;
    private readonly bool[] _dirty;
    private readonly List<int> _retry = [];
    private readonly RuleCandidate[] _candidates;
    private readonly List<Domain.Signals.Signal> _signals = [];
    private readonly List<BacktestTrade> _trades = [];
    private readonly List<PortfolioDay> _days = [];
    private readonly Dictionary<RejectionReason, int> _rejections = [];
    private readonly List<Engine.Extraction.MarketRow> _context = [];
    private readonly BacktestStep _step;
    private DateOnly? _day;

    public BacktestEngine(IStrategy strategy, PaperExecutor executor, SyntheticBookModel books, IReadOnlyList<ReplayMarket> markets, decimal initialCash, string source, IStepHook? hook = null)
    {
        _strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _books = books ?? throw new ArgumentNullException(nameof(books));
        ArgumentNullException.ThrowIfNull(markets);
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _hook = hook;
        Markets = [.. markets.OrderBy(m => m.Row.MarketId)];
        foreach (var market in Markets)
        {
            _byMarket.Add(market.Row.MarketId, market);
        }

        _events = [.. Markets.GroupBy(m => m.Row.EventId).OrderBy(g => g.Key).Select(g => g.ToArray())];
        _eventIndex = _events.SelectMany((e, i) => e.Select(m => (m, i))).ToDictionary(p => p.m.Row.MarketId, p => p.i);
        _eventOf = [.. Markets.Select(m => _eventIndex[m.Row.MarketId])];
        _dirty = new bool[_events.Length];
        _candidates = new RuleCandidate[_events.Length == 0 ? 0 : _events.Max(e => e.Length)];

        // A built-in strategy reads the quotes as values; any other gets the quote objects and rows of its context.
        _rules = strategy as IRuleStrategy;
        _quotes = new ReplayQuotes(books, objects: _rules is null);
        Portfolio = new Portfolio(Usdc.Create(initialCash));
        Window = new PriceWindow(Markets);
        _step = new BacktestStep(this);
        if (strategy is IReadsPriceHistory reader)
        {
            reader.Attach(Window);
        }
    }

    public IReadOnlyList<ReplayMarket> Markets { get; }

    public Portfolio Portfolio { get; }

    public PriceWindow Window { get; }

    public IReadOnlyList<BacktestTrade> Trades => _trades;

    /// <summary>One snapshot per simulated day, at its end (UTC).</summary>
    public IReadOnlyList<PortfolioDay> Days => _days;

    public IReadOnlyDictionary<RejectionReason, int> Rejections => _rejections;

    internal Extraction.MarketRow RowOf(ReplayMarket market) => _quotes.Row(market);

    /// <summary>Recorded points the cursors have passed (price updates consumed).</summary>
    public long PointsPassed { get; private set; }

    /// <summary>Markets handed to the strategy, summed over steps.</summary>
    public long MarketEvaluations { get; private set; }

    public int Signals { get; private set; }

    /// <summary>One decision time: settle, hook, signals, fills; a day's snapshot when <paramref name="now"/> starts a new UTC day.</summary>
    public void Step(DateTimeOffset now)
    {
        if (now <= Window.Now && _day is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, $"The simulated clock only moves forward (now {Window.Now:O}).");
        }

        Window.Now = now;
        var t = now.ToUnixTimeSeconds();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var newDay = _day != day;
        for (var i = 0; i < Markets.Count; i++)
        {
            var market = Markets[i];
            var changed = market.Advance(t, out var passed);
            PointsPassed += passed;
            if (changed || newDay || _quotes.Refresh(market, t))
            {
                _quotes.Requote(market, t);
                _dirty[_eventOf[i]] = true;
            }
        }

        // The day that ended is valued at the prices of its end, before anything of the new day happens.
        if (newDay && _day is { } previous)
        {
            _days.Add(Snapshot(previous, now));
        }

        _day = day;
        Settle(now, t);
        _hook?.OnStep(_step);
        Trade(now, day);
    }

    /// <summary>Closes the run at <paramref name="end"/>: the cursors moved to it (no decision), then the last day's snapshot.</summary>
    public void Finish(DateTimeOffset end)
    {
        var t = end.ToUnixTimeSeconds();
        foreach (var market in Markets)
        {
            market.Advance(t, out var passed);
            PointsPassed += passed;
        }

        if (_day is { } day && (_days.Count == 0 || _days[^1].Date < day))
        {
            _days.Add(Snapshot(day, end));
        }
    }

    internal void Record(Trade trade, string fillModel)
    {
        Portfolio.Apply(trade);
        _trades.Add(new BacktestTrade(trade, fillModel));
    }

    private void Settle(DateTimeOffset now, long t)
    {
        if (Portfolio.TradeCount == 0)
        {
            return;
        }

        foreach (var position in Portfolio.Positions)
        {
            if (_byMarket.GetValueOrDefault(position.MarketId) is { } market && market.IsClosedAt(t) && market.YesResolution is { } yes)
            {
                var payout = position.TokenId == market.Yes ? yes.PayoutPerShare : 1m - yes.PayoutPerShare;
                Record(Portfolio.CreateSettlement(position.MarketId, Price.Create(payout), now, _source), FillModel.Resolution);
            }
        }
    }

    private PortfolioDay Snapshot(DateOnly day, DateTimeOffset at)
    {
        var value = 0m;
        var unrealized = 0m;
        var positions = Portfolio.Positions;
        foreach (var position in positions)
        {
            var market = _byMarket.GetValueOrDefault(position.MarketId);
            var mark = market?.LatestYesPrice is { } yes
                ? _books.BestBid(yes, market.Tick, position.TokenId == market.Yes)
                : position.CostBasis.Value / position.Shares.Value;
            var worth = position.Shares.Value * mark;
            value += worth;
            unrealized += worth - position.CostBasis.Value;
        }

        return new PortfolioDay
        {
            Date = day,
            RecordedAt = at,
            Cash = Portfolio.Cash.Value,
            PositionsValue = value,
            Equity = Portfolio.Cash.Value + value,
            RealizedPnl = Portfolio.RealizedPnl.Value,
            UnrealizedPnl = unrealized,
            Exposure = Portfolio.Exposure.Value,
            FeesPaid = Portfolio.FeesPaid.Value,
            OpenPositions = positions.Count,
            TradeCount = Portfolio.TradeCount,
            LastTradeId = Portfolio.LastTradeId,
            Source = _source,
        };
    }
}
