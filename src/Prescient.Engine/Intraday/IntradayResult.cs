using Prescient.Domain.Signals;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Intraday;

/// <summary>
/// One intraday evaluation: the markets it looked at (those whose books changed, with the rest of
/// their events, since the strategy picks among an event's markets), the signals it made that the
/// ledger did not hold yet, and what executing them did (null when there was nothing to execute).
/// </summary>
public sealed record IntradayResult(
    DateTimeOffset EvaluatedAt,
    int Markets,
    IReadOnlyList<Signal> Signals,
    ExecutionResult? Execution)
{
    public int Trades => Execution?.Trades.Count ?? 0;

    public static IntradayResult Nothing(DateTimeOffset at) => new(at, 0, [], null);
}
