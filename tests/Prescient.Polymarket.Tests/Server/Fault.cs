namespace Prescient.Polymarket.Tests.Server;

/// <summary>A failure the fake server plays instead of its normal answer, once per scripted request.</summary>
internal abstract record Fault
{
    /// <summary>Answer normally: lets a script fail a later request and not the first ones.</summary>
    public sealed record None : Fault;

    /// <summary>Answer with this status and body (e.g. 429 with Retry-After, 500, a Cloudflare 403 page).</summary>
    public sealed record Status(int Code, string Body = "", string ContentType = "application/json", string? RetryAfter = null) : Fault;

    /// <summary>Answer 200 with the first half of the normal body: syntactically broken JSON.</summary>
    public sealed record TruncatedJson : Fault;

    /// <summary>Declare the full length, send half, then drop the connection.</summary>
    public sealed record DroppedConnection : Fault;

    /// <summary>Send the headers and half the body, then wait until the client gives up on the request.</summary>
    public sealed record StalledBody : Fault;

    /// <summary>Never answer: wait until the client gives up on the request.</summary>
    public sealed record Hang : Fault;
}
