namespace Prescient.Domain.Signals;

/// <summary>What a signal asks for: buy the YES token or the NO token of a binary market.</summary>
public enum SignalAction
{
    BuyYes,
    BuyNo,
}
