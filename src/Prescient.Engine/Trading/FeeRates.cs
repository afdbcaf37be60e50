using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Engine.Markets;

namespace Prescient.Engine.Trading;

/// <summary>
/// The fee settings a signal is executed with, for one execution run. A market with fees off or a
/// fee schedule keeps its own. A market that can trade, with fees on and no schedule, gets the CLOB
/// base fee of the token (<see cref="IMarketSource.GetFeeRateAsync"/>), asked once per token per
/// run. When the CLOB has none (404) or it cannot be had (failure after retries, unusable reply),
/// the settings stay without a base fee (logged) and the executor rejects the signal as <c>fee_unknown</c>.
/// </summary>
internal sealed partial class FeeRates(IMarketSource source, ILogger logger)
{
    private readonly Dictionary<TokenId, decimal?> _baseFees = [];

    /// <summary>The settings for trading <paramref name="token"/> in <paramref name="market"/>; null when the market is unknown.</summary>
    public async Task<FeeSettings?> ResolveAsync(Market? market, TokenId token, CancellationToken cancellationToken)
    {
        if (market is null)
        {
            return null;
        }

        var fees = market.Fees;

        // A market that cannot trade is rejected before its fee matters: no request for it.
        if (!fees.NeedsBaseFee || market.Closed || !market.AcceptingOrders || !market.EnableOrderBook)
        {
            return fees;
        }

        if (!_baseFees.TryGetValue(token, out var bps))
        {
            bps = await FetchAsync(market.Id, token, cancellationToken).ConfigureAwait(false);
            _baseFees[token] = bps;
        }

        return bps is null ? fees : fees with { BaseFeeBps = bps };
    }

    private async Task<decimal?> FetchAsync(MarketId market, TokenId token, CancellationToken cancellationToken)
    {
        try
        {
            var bps = await source.GetFeeRateAsync(token, cancellationToken).ConfigureAwait(false);
            if (bps is null)
            {
                LogNoBaseFee(logger, token.Value, market.Value);
            }

            return bps;
        }
        catch (MarketDataUnavailableException ex)
        {
            // One token's fee is not worth failing the run: its signals are rejected, the others go on.
            LogBaseFeeFailed(logger, token.Value, market.Value, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The CLOB has no base fee for token {TokenId} of market {MarketId} (fees on, no schedule): its signals are rejected as fee_unknown")]
    private static partial void LogNoBaseFee(ILogger logger, string tokenId, string marketId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The base fee of token {TokenId} of market {MarketId} could not be had: its signals are rejected as fee_unknown ({Reason})")]
    private static partial void LogBaseFeeFailed(ILogger logger, string tokenId, string marketId, string reason);
}
