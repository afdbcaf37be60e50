using Microsoft.Extensions.Logging;
using Prescient.Domain.Trading;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.Trading;

/// <summary>
/// <c>trades/paper_trades.json</c> as an <see cref="AppendOnlyJsonArray{T}"/> of <see cref="Trade"/>
/// records: the first access in the process opens it (creating it, or repairing a torn tail and
/// logging it), every append is one O(1) write and an fsync.
/// </summary>
internal sealed class FileTradeLedger : ITradeLedger
{
    private readonly AppendOnlyJsonArray<Trade> _file;

    public FileTradeLedger(string path, ILogger logger) => _file = new AppendOnlyJsonArray<Trade>(path, logger);

    public string Path => _file.Path;

    public Task<IReadOnlyList<Trade>> ReadAllAsync(CancellationToken cancellationToken) => _file.ReadAllAsync(cancellationToken);

    public Task AppendAsync(Trade trade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return _file.AppendAsync(trade, cancellationToken);
    }

    public Task<bool> TryCopyToAsync(Stream destination, CancellationToken cancellationToken) => _file.TryCopyToAsync(destination, cancellationToken);
}
