using Prescient.Domain.Positions;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;

namespace Prescient.Engine.Backtest;

/// <summary>
/// Runs inside each step between settlement and signals: where exit rules (take-profit, stop-loss,
/// exit before resolution) plug in. It reads the step and records its own sells through it.
/// </summary>
public interface IStepHook
{
    void OnStep(BacktestStep step);

    /// <summary>
    /// A refusal of a buy <paramref name="signal"/> of this step before the paper executor decides it (exits:
    /// a market an exit sold today is not bought back, <see cref="RejectionReason.ExitedToday"/>), or null to let it decide.
    /// </summary>
    Rejection? Refuse(Signal signal, BacktestStep step) => null;
}

/// <summary>What a hook sees of a step: now, the look-ahead-safe window, the markets, the portfolio, and a way to record a ledger record (applied at once).</summary>
public sealed class BacktestStep
{
    private readonly BacktestEngine _engine;

    internal BacktestStep(BacktestEngine engine) => _engine = engine;

    public DateTimeOffset Now => _engine.Window.Now;

    public PriceWindow Window => _engine.Window;

    public Portfolio Portfolio => _engine.Portfolio;

    public IReadOnlyList<ReplayMarket> Markets => _engine.Markets;

    /// <summary>The market's row as the strategy sees it now: as of the quote in force (open, priced at the synthetic book), else not accepting orders.</summary>
    public Extraction.MarketRow RowOf(ReplayMarket market) => _engine.RowOf(market);

    /// <summary>Appends <paramref name="trade"/> (built with the portfolio's <c>Create…</c> methods) to the run's ledger and applies it.</summary>
    public void Record(Trade trade, string fillModel) => _engine.Record(trade, fillModel);
}
