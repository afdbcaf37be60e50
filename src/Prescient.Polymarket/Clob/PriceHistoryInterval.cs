namespace Prescient.Polymarket.Clob;

/// <summary>A <c>/prices-history</c> interval, ending now. Beware: upstream "1m" is one MONTH.</summary>
public enum PriceHistoryInterval
{
    OneHour,
    SixHours,
    OneDay,
    OneWeek,
    OneMonth,
    Max,
}
