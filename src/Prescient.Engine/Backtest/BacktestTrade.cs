using Prescient.Domain.Trading;

namespace Prescient.Engine.Backtest;

/// <summary>A ledger record of a backtest and what filled it (<see cref="FillModel"/>).</summary>
public sealed record BacktestTrade(Trade Trade, string FillModel);
