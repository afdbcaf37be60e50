namespace Prescient.Engine.TimeSeries;

/// <summary>What rewrote the portfolio: a paper trade or settlement during execute, or the day's close.</summary>
public enum PortfolioTrigger
{
    Execute,
    EndOfDay,
}
