namespace Prescient.Engine.Refresh;

/// <summary>
/// A step needs state an earlier step writes (e.g. quoting needs extracted markets). The message
/// says which command or endpoint to run first.
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
}
