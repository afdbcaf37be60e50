using Prescient.Engine.Markets;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// What a fetch did. Months are token-months: <see cref="MonthsFetched"/> downloaded and written
/// (<see cref="MonthsRepaired"/> of them replacing a damaged file, <see cref="MonthsIncomplete"/>
/// of them the current month, fetched again next time), <see cref="MonthsReused"/> complete on disk
/// and not asked for. <see cref="Requests"/> counts <c>/prices-history</c> calls that answered.
/// </summary>
public sealed record HistoryFetchResult
{
    public required MarketSourceInfo Source { get; init; }

    public required HistoryTokenSource TokenSource { get; init; }

    public required HistoryMonth FirstMonth { get; init; }

    public required HistoryMonth LastMonth { get; init; }

    public required int FidelityMinutes { get; init; }

    public required int Tokens { get; init; }

    public required int MonthsFetched { get; init; }

    public required int MonthsReused { get; init; }

    public required int MonthsRepaired { get; init; }

    public required int MonthsIncomplete { get; init; }

    public required long Points { get; init; }

    public required int Requests { get; init; }

    /// <summary>Tokens skipped, in token order.</summary>
    public required IReadOnlyList<HistoryFailure> Failures { get; init; }

    public required string Location { get; init; }

    public required TimeSpan Duration { get; init; }
}
