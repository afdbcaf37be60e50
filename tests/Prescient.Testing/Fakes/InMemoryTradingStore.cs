using Prescient.Domain.Trading;
using Prescient.Engine.Storage;

namespace Prescient.Testing.Fakes;

/// <summary>The trading state in memory: signals and portfolio replaced on write, the ledger a list that only grows.</summary>
public sealed class InMemoryTradingStore : ITradingStore, ITradeLedger
{
    private readonly List<Trade> _trades = [];

    public ITradeLedger Ledger => this;

    public IReadOnlyList<Trade> Trades => _trades;

    public SignalsSnapshot? Signals { get; set; }

    public PortfolioSnapshot? Portfolio { get; set; }

    /// <summary>When set, the append of this many-th record (1-based) throws instead of writing.</summary>
    public int? FailAppendAt { get; set; }

    public Task<SignalsSnapshot?> ReadSignalsAsync(CancellationToken cancellationToken) => Task.FromResult(Signals);

    public Task<string> WriteSignalsAsync(SignalsSnapshot snapshot, CancellationToken cancellationToken)
    {
        Signals = snapshot;
        return Task.FromResult("current_signals.json");
    }

    public Task<PortfolioSnapshot?> ReadPortfolioAsync(CancellationToken cancellationToken) => Task.FromResult(Portfolio);

    public Task<string> WritePortfolioAsync(PortfolioSnapshot snapshot, CancellationToken cancellationToken)
    {
        Portfolio = snapshot;
        return Task.FromResult("portfolio.json");
    }

    /// <summary>Never vouches for the portfolio: every check replays the list.</summary>
    public Task<bool> IsPortfolioCurrentAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<LedgerTail> ReadLastAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult(new LedgerTail(_trades.TakeLast(count).ToArray(), _trades.Count));

    public Task<IReadOnlyList<Trade>> ReadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Trade>>(_trades.ToArray());

    public Task AppendAsync(Trade trade, CancellationToken cancellationToken)
    {
        if (FailAppendAt == _trades.Count + 1)
        {
            throw new IOException("No space left on device (simulated).");
        }

        _trades.Add(trade);
        return Task.CompletedTask;
    }

    public async Task<bool> TryCopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await System.Text.Json.JsonSerializer.SerializeAsync(destination, _trades.ToArray(), cancellationToken: cancellationToken);
        return true;
    }
}
