using Prescient.Domain.History;
using Prescient.Domain.Signals;
using Prescient.Engine.Storage;

namespace Prescient.Testing.Fakes;

/// <summary>The history folder in memory: the portfolio history a list that only grows, one signal archive per month.</summary>
public sealed class InMemoryHistoryStore : IHistoryStore
{
    private readonly List<PortfolioDay> _days = [];

    public IReadOnlyList<PortfolioDay> Days => _days;

    /// <summary>The archived signals by month (<c>YYYY-MM</c>), in the order they were archived.</summary>
    public Dictionary<string, List<Signal>> Archives { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<PortfolioDay>> ReadPortfolioHistoryAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PortfolioDay>>(_days.ToArray());

    public Task<string> AppendPortfolioDayAsync(PortfolioDay day, CancellationToken cancellationToken)
    {
        _days.Add(day);
        return Task.FromResult("portfolio_history.json");
    }

    public Task<SignalsArchived> ArchiveSignalsAsync(DateOnly day, IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        var month = $"{day:yyyy-MM}";
        if (!Archives.TryGetValue(month, out var archive))
        {
            Archives[month] = archive = [];
        }

        var added = 0;
        foreach (var signal in signals.Where(s => archive.TrueForAll(a => a.SignalId != s.SignalId)))
        {
            archive.Add(signal);
            added++;
        }

        return Task.FromResult(new SignalsArchived($"signals_archive_{month}.json", added));
    }
}
