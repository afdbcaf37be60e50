using Microsoft.Extensions.Logging;
using Prescient.Domain.Trading;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Trading;

/// <summary>
/// <c>trades/paper_trades.json</c> as an <see cref="AppendOnlyJsonArray{T}"/> of <see cref="Trade"/>
/// records: the first access in the process opens it (creating it, or repairing a torn tail and
/// logging it), every append is one O(1) write and an fsync. The newest records are read from the
/// tail alone while the <see cref="LedgerCheckpoint"/> vouches for the count.
/// </summary>
internal sealed class FileTradeLedger : ITradeLedger
{
    private readonly AppendOnlyJsonArray<Trade> _file;
    private readonly string _checkpoint;

    public FileTradeLedger(string path, string checkpoint, ILogger logger)
    {
        _file = new AppendOnlyJsonArray<Trade>(path, logger);
        _checkpoint = checkpoint;
    }

    public string Path => _file.Path;

    public Task<IReadOnlyList<Trade>> ReadAllAsync(CancellationToken cancellationToken) => _file.ReadAllAsync(cancellationToken);

    public async Task<LedgerTail> ReadLastAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (await LedgerCheckpoint.ReadAsync(_checkpoint, cancellationToken).ConfigureAwait(false) is { } checkpoint
            && LayoutTail.Read(Path, count) is { } tail
            && checkpoint.Matches(tail)
            && tail.TryParse<Trade>() is { } newest)
        {
            return new LedgerTail(newest, checkpoint.LedgerRecords);
        }

        var all = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return new LedgerTail(all.TakeLast(count).ToArray(), all.Count);
    }

    public Task AppendAsync(Trade trade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return _file.AppendAsync(trade, cancellationToken);
    }

    public Task<bool> TryCopyToAsync(Stream destination, CancellationToken cancellationToken) => _file.TryCopyToAsync(destination, cancellationToken);
}
