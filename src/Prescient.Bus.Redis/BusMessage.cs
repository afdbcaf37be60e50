namespace Prescient.Bus.Redis;

/// <summary>
/// One message of a pipeline stream: its stream entry id, the cycle it belongs to, its JSON payload
/// (empty for a bare step), and how many times it has been delivered (1 on the first read; a claim
/// after a worker died counts again).
/// </summary>
public sealed record BusMessage(string Stream, string Id, string Cycle, string Payload, long Deliveries)
{
    /// <summary>Which part of its cycle's work on the stream this message is, when the stage's work is cut in parts; null when it is the whole.</summary>
    public MessagePart? Part { get; init; }
}

/// <summary>Part <see cref="Index"/> (from 0) of <see cref="Count"/>, written "index/count" in the stream entry.</summary>
public readonly record struct MessagePart(int Index, int Count)
{
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");

    /// <summary>The part "index/count" names; null for an empty or malformed field (a whole message).</summary>
    public static MessagePart? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && int.TryParse(text.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            && index < count
                ? new MessagePart(index, count)
                : null;
    }
}

/// <summary>The streams of the pipeline, in order: each stage reads one and, when done, publishes the next.</summary>
public static class BusStreams
{
    /// <summary>A cycle was asked for (<c>prescient cycle --bus redis</c>, the scheduler): the quotes stage refreshes.</summary>
    public const string CycleRequested = "prescient:cycle-requested";

    /// <summary>Events, markets and quotes are stored: the signals stage runs the strategy.</summary>
    public const string QuotesRefreshed = "prescient:quotes-refreshed";

    /// <summary>The cycle's signals (in the payload): the execution stage fills them on paper.</summary>
    public const string SignalsGenerated = "prescient:signals-generated";

    /// <summary>The cycle's orders are executed: the mark stage values the portfolio and writes the history exports.</summary>
    public const string OrdersExecuted = "prescient:orders-executed";

    /// <summary>A message that failed every attempt, with the stream it came from and its last error.</summary>
    public const string DeadLetters = "prescient:dead-letters";

    /// <summary>The consumer group every worker of every stage reads in.</summary>
    public const string Group = "prescient-workers";

    public static IReadOnlyList<string> Stages { get; } = [CycleRequested, QuotesRefreshed, SignalsGenerated, OrdersExecuted];
}
