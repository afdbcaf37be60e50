using Prescient.Domain.History;

namespace Prescient.Engine.History;

/// <summary>
/// What an end of day did. When <see cref="AlreadyRecorded"/>, nothing was written and
/// <see cref="Snapshot"/> is the one recorded earlier that day. <see cref="Message"/> is the one line
/// the CLI prints and the API returns.
/// </summary>
public sealed record EndOfDayResult(
    DateOnly Date,
    bool AlreadyRecorded,
    PortfolioDay Snapshot,
    int SignalsArchived,
    bool DailyPricesWritten,
    IReadOnlyList<string> FilesWritten,
    string Message);
