using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Files.MarketHistory;

/// <summary>
/// Resolutions as far as the data folder knows them: the closed markets of the last refresh
/// (<c>events/filtered_markets.json</c>) whose prices settled at 1/0 or 0.5/0.5. Read once, on first use.
/// </summary>
internal sealed class HistoryResolutions(IMarketDataStore markets)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<TokenId, HistoryResolution>? _resolutions;

    public async Task<HistoryResolution?> OfAsync(TokenId token, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _resolutions) is not { } resolutions)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                resolutions = _resolutions ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        return resolutions.GetValueOrDefault(token);
    }

    private async Task<Dictionary<TokenId, HistoryResolution>> LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await markets.ReadMarketsAsync(cancellationToken).ConfigureAwait(false);
        var resolutions = new Dictionary<TokenId, HistoryResolution>();
        foreach (var row in snapshot?.Markets ?? [])
        {
            foreach (var (token, resolution) in HistoryResolution.Of(row))
            {
                resolutions[token] = resolution;
            }
        }

        return resolutions;
    }
}
