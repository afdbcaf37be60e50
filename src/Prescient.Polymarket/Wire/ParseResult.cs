namespace Prescient.Polymarket.Wire;

/// <summary>
/// The outcome of mapping one upstream object: a value, or a one-line reason why it could not be
/// mapped. A bad object is an expected outcome on a public API, so it is a value, not an exception.
/// </summary>
public readonly record struct ParseResult<T>
    where T : class
{
    internal ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The mapped value; null when <see cref="Error"/> is set.</summary>
    public T? Value { get; }

    /// <summary>Why the object could not be mapped; null on success.</summary>
    public string? Error { get; }

    public bool IsSuccess => Value is not null;
}

/// <summary>Factories for <see cref="ParseResult{T}"/>.</summary>
public static class ParseResult
{
    public static ParseResult<T> Success<T>(T value)
        where T : class =>
        new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ParseResult<T> Failure<T>(string error)
        where T : class =>
        new(null, string.IsNullOrWhiteSpace(error) ? throw new ArgumentException("An error needs a reason.", nameof(error)) : error);
}
