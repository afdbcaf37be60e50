namespace Prescient.Engine.Exits;

/// <summary>Which exit rule fired. Written in exit ids as <c>sell_before_end</c>, <c>sell_stop_loss</c>, <c>sell_take_profit</c>.</summary>
public enum ExitReason
{
    /// <summary>The market's end date is within <see cref="ExitOptions.HoursBeforeEnd"/>.</summary>
    BeforeEnd,

    /// <summary>The best bid is at or below entry × (1 − <see cref="ExitOptions.StopLoss"/>).</summary>
    StopLoss,

    /// <summary>The best bid is at or above entry × (1 + <see cref="ExitOptions.TakeProfit"/>).</summary>
    TakeProfit,
}
