using Prescient.Domain.History;
using Prescient.Domain.Trading;
using Prescient.Engine.Extraction;

namespace Prescient.Engine.Backtest;

/// <summary>
/// What a backtest did: its inputs in words, every ledger record with its fill model, one snapshot per
/// day, the rejections by reason, and the counts of the replay. Money in USDC.
/// </summary>
public sealed record BacktestResult
{
    public required BacktestRequest Request { get; init; }

    public required string Strategy { get; init; }

    public required IReadOnlyDictionary<string, string> StrategySettings { get; init; }

    public required string History { get; init; }

    public required string Source { get; init; }

    public required TimeSpan Step { get; init; }

    public required decimal InitialCash { get; init; }

    public required BacktestOptions Options { get; init; }

    /// <summary>What filled the buys: <see cref="FillModel.Synthetic"/> books around recorded prices (<see cref="Options"/>), or <see cref="FillModel.RecordedBook"/>, the books a recorded run saw.</summary>
    public string Fills { get; init; } = FillModel.Synthetic;

    public required IReadOnlyList<BacktestTrade> Trades { get; init; }

    public required IReadOnlyList<PortfolioDay> Days { get; init; }

    public required IReadOnlyDictionary<RejectionReason, int> Rejections { get; init; }

    /// <summary>The replayed markets by id, for the report's grouping (category, event).</summary>
    public required IReadOnlyDictionary<Domain.Ids.MarketId, MarketRow> Markets { get; init; }

    /// <summary>The category of each event (its first tag's label), where known.</summary>
    public IReadOnlyDictionary<Domain.Ids.EventId, string> Categories { get; init; } = new Dictionary<Domain.Ids.EventId, string>();

    public required int TokensWithoutMarket { get; init; }

    public required long Steps { get; init; }

    public required long PointsPassed { get; init; }

    public required long MarketEvaluations { get; init; }

    public required int Signals { get; init; }

    public required TimeSpan Duration { get; init; }
}
