namespace Prescient.Engine.Refresh;

/// <summary>
/// A step needs state an earlier step writes (e.g. quoting needs extracted markets).
/// <see cref="Missing"/> says what is missing and <see cref="Step"/> which step writes it; the CLI and
/// the API turn the step into the command or endpoint to run first.
/// </summary>
public sealed class MissingStateException : Exception
{
    public MissingStateException()
    {
    }

    public MissingStateException(string message)
        : base(message)
    {
    }

    public MissingStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="missing">What is missing, as a sentence start ("No signals yet").</param>
    /// <param name="step">The step that writes it.</param>
    public MissingStateException(string missing, PipelineStep step)
        : base($"{missing}: run the {step.ToString().ToLowerInvariant()} step first.")
    {
        Missing = missing;
        Step = step;
    }

    public string? Missing { get; }

    public PipelineStep? Step { get; }
}
