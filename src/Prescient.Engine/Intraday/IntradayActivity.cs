namespace Prescient.Engine.Intraday;

/// <summary>What the intraday mode has done since the feed started, for the status and the dashboard.</summary>
public sealed record IntradayActivity(
    TimeSpan MinInterval,
    long Evaluations,
    long Signals,
    long Trades,
    DateTimeOffset? LastEvaluatedAt,
    DateTimeOffset? LastTradeAt);
