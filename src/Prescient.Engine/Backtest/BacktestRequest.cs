namespace Prescient.Engine.Backtest;

/// <summary>What to replay: UTC days <paramref name="From"/> to <paramref name="To"/> inclusive, through the strategy named <paramref name="Strategy"/> (null: the configured one).</summary>
public sealed record BacktestRequest(DateOnly From, DateOnly To, string? Strategy = null)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The end of <see cref="To"/>: the first instant after the range.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>How far a backtest is: steps done of the total.</summary>
public sealed record BacktestProgress(long StepsDone, long StepsTotal);
