namespace Prescient.Host.Hosting;

/// <summary>A setting is missing or out of range; the message names the key and what is valid.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException()
    {
    }

    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
