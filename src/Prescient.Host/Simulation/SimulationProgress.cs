namespace Prescient.Host.Simulation;

/// <summary>One simulated day done: which, out of how many, and the equity at its end (USDC).</summary>
public readonly record struct SimulationProgress(int Day, int Days, DateOnly Date, decimal Equity, int Trades, int Settlements);
