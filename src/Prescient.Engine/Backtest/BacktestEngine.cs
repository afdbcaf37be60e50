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
/// </summary>
public sealed class BacktestEngine
{
    private readonly IStrategy _strategy;
    private readonly PaperExecutor _executor;
    private readonly SyntheticBookModel _books;
    private readonly IStepHook? _hook;
    private readonly string _source;
    private readonly Dictionary<MarketId, ReplayMarket> _byMarket = [];
    private readonly Dictionary<EventId, ReplayMarket[]> _byEvent;
    private readonly Dictionary<TokenId, TokenQuote> _quotes = new(TokenKeys.Instance);
    private readonly HashSet<EventId> _dirty = [];
    private readonly HashSet<EventId> _retry = [];
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

        _byEvent = Markets.GroupBy(m => m.Row.EventId).ToDictionary(g => g.Key, g => g.ToArray());
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
        foreach (var market in Markets)
        {
            var changed = market.Advance(t, out var passed);
            PointsPassed += passed;
            if (changed || newDay || Refresh(market, t))
            {
                Requote(market, t);
                _dirty.Add(market.Row.EventId);
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

    /// <summary>True when the market's quote must go: it closed, or its price went stale.</summary>
    private bool Refresh(ReplayMarket market, long t) => market.Quotes is not null && !Quotable(market, t);

    private bool Quotable(ReplayMarket market, long t) =>
        !market.IsClosedAt(t) && market.Latest is { } p && t - p.UnixSeconds <= (long)_books.Options.MaxPriceAge.TotalSeconds;

    private void Requote(ReplayMarket market, long t)
    {
        _quotes.Remove(market.Yes);
        _quotes.Remove(market.No);
        var closed = market.IsClosedAt(t);
        if (!Quotable(market, t) || market.LatestYesPrice is not { } price)
        {
            market.Quotes = null;
            market.AsOf = market.Row with { Closed = closed, Active = !closed, AcceptingOrders = false };
            return;
        }

        var row = market.Row;
        var (yes, no) = _books.Quotes(row, market.Yes, market.No, price, market.Tick, market.Latest!.Value.Time);
        var asOf = row with
        {
            Closed = false,
            Active = true,
            AcceptingOrders = true,
            YesPrice = price,
            NoPrice = 1m - price,
            BestBid = yes.BestBid,
            BestAsk = yes.BestAsk,
            Spread = yes.Spread,
            LastTradePrice = price,
        };
        market.AsOf = asOf;
        market.Quotes = (yes, no);
        _quotes[market.Yes] = yes;
        _quotes[market.No] = no;
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

    private void Trade(DateTimeOffset now, DateOnly day)
    {
        _dirty.UnionWith(_retry);
        _retry.Clear();
        if (_dirty.Count == 0)
        {
            return;
        }

        _context.Clear();
        foreach (var id in _dirty.Order())
        {
            foreach (var market in _byEvent[id])
            {
                _context.Add(market.AsOf ?? market.Row with { Closed = false, AcceptingOrders = false });
            }
        }

        _dirty.Clear();
        MarketEvaluations += _context.Count;
        var result = _strategy.Generate(new StrategyContext(_context, _quotes, Portfolio, now) { Day = day, ExplainSkips = false });
        foreach (var signal in result.Signals)
        {
            Signals++;
            var market = _byMarket[signal.MarketId];
            var (yesBook, noBook) = _books.Books(market.Yes, market.No, market.Row.ConditionId, market.LatestYesPrice!.Value, market.Tick, market.Row.MinOrderSize, now);
            var buysYes = signal.TokenId == market.Yes;
            var decision = _hook?.Refuse(signal, _step) is { } refused
                ? ExecutionDecision.Reject(refused)
                : _executor.Decide(signal, market.AsOf!.ToMarket(), buysYes ? yesBook : noBook, buysYes ? noBook : yesBook, Portfolio, now, _source);
            if (decision.IsTrade)
            {
                Record(decision.Trade, FillModel.Synthetic);
                Requote(market, now.ToUnixTimeSeconds());
            }
            else
            {
                _rejections[decision.Rejection.Reason] = _rejections.GetValueOrDefault(decision.Rejection.Reason) + 1;
                _retry.Add(market.Row.EventId);
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
