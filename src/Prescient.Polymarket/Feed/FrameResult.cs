namespace Prescient.Polymarket.Feed;

/// <summary>What became of one frame.</summary>
public enum FrameOutcome
{
    /// <summary>JSON read to the end; its known messages were handed on (possibly none).</summary>
    Parsed,

    /// <summary>The server's <c>PONG</c> reply to our <c>PING</c>: a keep-alive, not JSON.</summary>
    Pong,

    /// <summary>Not readable: bad JSON, or a known message missing a field or with an unreadable value.</summary>
    Malformed,
}

/// <summary>
/// The outcome of one frame: messages handed on, messages of unknown types skipped, and for a
/// malformed frame why. Messages before the bad one in an array frame were already handed on.
/// </summary>
public readonly record struct FrameResult(FrameOutcome Outcome, int Messages, int Unknown, string? Error)
{
    public static FrameResult PongFrame => new(FrameOutcome.Pong, 0, 0, null);

    public bool IsMalformed => Outcome == FrameOutcome.Malformed;
}
