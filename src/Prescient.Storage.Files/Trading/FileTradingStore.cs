using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Trading;

/// <summary>
/// The trading stage of the data folder: <c>trades/current_signals.json</c> and
/// <c>trades/portfolio.json</c>, each replaced atomically (temporary file, fsync, rename) and read
/// back strictly, and the append-only ledger <c>trades/paper_trades.json</c>.
/// </summary>
public sealed partial class FileTradingStore : ITradingStore
{
    private readonly DataFolder _folder;
    private readonly ILogger<FileTradingStore> _logger;

    public FileTradingStore(DataFolder folder, ILogger<FileTradingStore>? logger = null)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _logger = logger ?? NullLogger<FileTradingStore>.Instance;
        Ledger = new FileTradeLedger(folder.PaperTrades, folder.LedgerCheckpoint, _logger);
    }

    public ITradeLedger Ledger { get; }

    public async Task<SignalsSnapshot?> ReadSignalsAsync(CancellationToken cancellationToken)
    {
        var path = _folder.CurrentSignals;
        var envelope = await JsonFile.ReadAsync<SignalsEnvelope>(path, cancellationToken).ConfigureAwait(false);
        return envelope?.ToSnapshot(path);
    }

    public async Task<string> WriteSignalsAsync(SignalsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.CurrentSignals;
        await JsonFile.WriteAsync(path, SignalsEnvelope.From(snapshot), cancellationToken).ConfigureAwait(false);
        LogSignalsWritten(snapshot.Signals.Count, snapshot.Skipped.Count, path);
        return path;
    }

    public async Task<PortfolioSnapshot?> ReadPortfolioAsync(CancellationToken cancellationToken)
    {
        var path = _folder.Portfolio;
        var envelope = await JsonFile.ReadAsync<PortfolioEnvelope>(path, cancellationToken).ConfigureAwait(false);
        return envelope?.ToSnapshot(path);
    }

    public async Task<bool> IsPortfolioCurrentAsync(CancellationToken cancellationToken) =>
        await LedgerCheckpoint.ReadAsync(_folder.LedgerCheckpoint, cancellationToken).ConfigureAwait(false) is { } checkpoint
        && checkpoint.Matches(LayoutTail.Read(_folder.PaperTrades, 1))
        && await checkpoint.MatchesPortfolioAsync(_folder.Portfolio, cancellationToken).ConfigureAwait(false);

    /// <summary>Replaces <c>trades/portfolio.json</c>, then the <see cref="LedgerCheckpoint"/> that vouches for it.</summary>
    public async Task<string> WritePortfolioAsync(PortfolioSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = _folder.Portfolio;
        // Serialized once: the same bytes are written and hashed for the checkpoint (no read back).
        var content = StateDocuments.EncodePortfolio(snapshot);
        await AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        LedgerCheckpoint.Write(_folder.LedgerCheckpoint, _folder.PaperTrades, content, snapshot.TradeCount, snapshot.LastTradeId);
        LogPortfolioWritten(snapshot.Positions.Count, snapshot.TradeCount, path);
        return path;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Signals} signals and {Skipped} skipped markets to {Path}")]
    private partial void LogSignalsWritten(int signals, int skipped, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote the portfolio ({Positions} open positions after {Trades} ledger records) to {Path}")]
    private partial void LogPortfolioWritten(int positions, int trades, string path);
}
