namespace Prescient.Engine.Performance;

/// <summary>
/// One entry-price bucket of the calibration chart: the settled positions whose share-weighted entry
/// price lies in [<see cref="From"/>, <see cref="To"/>) (the last bucket includes 1), how many of them
/// won, their mean entry price and their mean outcome (the settlement price: 1, 0 or 0.5). A
/// well-calibrated strategy's positions bought at p settle at p on average: <see cref="MeanOutcome"/>
/// near <see cref="MeanEntryPrice"/>. Ratios rounded to 6 places; null when the bucket is empty.
/// </summary>
public sealed record CalibrationBucket(
    decimal From,
    decimal To,
    int Positions,
    int Wins,
    decimal? MeanEntryPrice,
    decimal? MeanOutcome);
