namespace Prescient.Engine.Settlement;

/// <summary>Where a held market stands: still trading, closed but not (yet) settled, or settled with a payout.</summary>
public enum ResolutionState
{
    Open,
    Pending,
    Resolved,
}
