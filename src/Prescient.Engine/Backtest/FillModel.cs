namespace Prescient.Engine.Backtest;

/// <summary>What filled a backtest record, as written in its <c>fill_model</c> column.</summary>
public static class FillModel
{
    /// <summary>A buy walked a book the synthetic model built around a recorded price.</summary>
    public const string Synthetic = "synthetic";

    /// <summary>A buy walked a book that was recorded (a quote snapshot with levels).</summary>
    public const string RecordedBook = "recorded_book";

    /// <summary>A settlement: no book, the market's payout of 1, 0 or 0.5 per share.</summary>
    public const string Resolution = "resolution";
}
