using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prescient.Domain.History;
using Prescient.Domain.Signals;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.History;

/// <summary>
/// The history folder as <see cref="AppendOnlyJsonArray{T}"/> files: <c>history/portfolio_history.json</c>
/// (one <see cref="PortfolioDay"/> per line) and <c>history/signals_archive_YYYY-MM.json</c> (one
/// <see cref="Signal"/> per line). Each append is one O(1) write and an fsync; the first access in the
/// process repairs a torn tail and logs it, as for the ledger. Reading a file that does not exist
/// yet gives nothing and creates nothing.
/// </summary>
public sealed class FileHistoryStore : IHistoryStore
{
    private readonly DataFolder _folder;
    private readonly ILogger<FileHistoryStore> _logger;
    private readonly AppendOnlyJsonArray<PortfolioDay> _history;
    private readonly ConcurrentDictionary<string, AppendOnlyJsonArray<Signal>> _archives = new(StringComparer.Ordinal);

    public FileHistoryStore(DataFolder folder, ILogger<FileHistoryStore>? logger = null)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _logger = logger ?? NullLogger<FileHistoryStore>.Instance;
        _history = new AppendOnlyJsonArray<PortfolioDay>(folder.PortfolioHistory, _logger);
    }

    public async Task<IReadOnlyList<PortfolioDay>> ReadPortfolioHistoryAsync(CancellationToken cancellationToken) =>
        File.Exists(_history.Path) ? await _history.ReadAllAsync(cancellationToken).ConfigureAwait(false) : [];

    public async Task<string> AppendPortfolioDayAsync(PortfolioDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        await _history.AppendAsync(day, cancellationToken).ConfigureAwait(false);
        return _history.Path;
    }

    public async Task<SignalsArchived> ArchiveSignalsAsync(DateOnly day, IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var archive = _archives.GetOrAdd(_folder.SignalsArchive(day), path => new AppendOnlyJsonArray<Signal>(path, _logger));
        if (signals.Count == 0)
        {
            return new SignalsArchived(archive.Path, 0);
        }

        var archived = new HashSet<Domain.Ids.SignalId>();
        await foreach (var signal in archive.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            archived.Add(signal.SignalId);
        }

        var added = 0;
        foreach (var signal in signals)
        {
            if (archived.Add(signal.SignalId))
            {
                await archive.AppendAsync(signal, cancellationToken).ConfigureAwait(false);
                added++;
            }
        }

        return new SignalsArchived(archive.Path, added);
    }
}
