namespace Prescient.Engine.Sweeps;

/// <summary>A sweep's inputs are wrong (a grid, a sort, a split, a grid point's settings): the message is one line for the user.</summary>
public sealed class SweepInputException(string message) : Exception(message);
