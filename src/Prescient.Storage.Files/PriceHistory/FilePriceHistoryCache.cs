using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Storage.Files.IO;

namespace Prescient.Storage.Files.PriceHistory;

/// <summary>
/// The price-history cache in the data folder: <c>pricehistory/&lt;token&gt;/YYYY-MM.bin</c>, one
/// binary file per token per month (<see cref="PriceHistoryFormat"/>), each replaced atomically.
/// </summary>
public sealed class FilePriceHistoryCache(DataFolder folder) : IPriceHistoryCache
{
    private readonly DataFolder _folder = folder ?? throw new ArgumentNullException(nameof(folder));

    public string Location => _folder.PriceHistoryDirectory;

    public async Task<CachedMonth> InspectAsync(TokenId token, HistoryMonth month, CancellationToken cancellationToken)
    {
        var read = await PriceHistoryFile.ReadAsync(_folder.PriceHistoryFile(token, month), token, month, [], cancellationToken).ConfigureAwait(false);
        return read.State switch
        {
            CachedMonthState.Stored => CachedMonth.Stored(read.Header.Complete, read.Header.Simulated, read.Header.FidelityMinutes),
            CachedMonthState.Damaged => CachedMonth.Damaged(read.Problem!),
            _ => CachedMonth.Missing,
        };
    }

    public Task WriteAsync(PriceMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(month);
        var bytes = PriceHistoryFormat.Encode(month);
        return AtomicFile.WriteAsync(
            _folder.PriceHistoryFile(month.Token, month.Month),
            async (stream, ct) => await stream.WriteAsync(bytes, ct).ConfigureAwait(false),
            cancellationToken);
    }

    public int RemoveLeftovers()
    {
        if (!Directory.Exists(Location))
        {
            return 0;
        }

        return Directory.EnumerateDirectories(Location).Sum(directory => AtomicFile.DeleteStaleTempFiles(directory).Count);
    }
}
