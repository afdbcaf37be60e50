using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Ids;
using Prescient.Engine.Trading.Audit;
using Prescient.Polymarket.Http;

namespace Prescient.Polymarket.Data;

/// <summary>
/// The Data API's public trade tape, <c>GET /trades?market={condition_id}&amp;takerOnly=true</c>, newest
/// first, paged by <c>limit</c>/<c>offset</c> (each at most 10,000 upstream). Through the resilience
/// pipeline and the <c>/trades</c> rate limit like every other client. A row that does not read is
/// logged and skipped; a page that is not a JSON array is a malformed reply (retried, then thrown).
/// </summary>
public sealed partial class DataApiClient(HttpClient http, ILogger<DataApiClient> logger) : IMarketPrints
{
    private const string Api = "Data API";

    /// <summary>Rows per page.</summary>
    public const int PageSize = 500;

    /// <summary>The deepest offset the Data API serves.</summary>
    public const int MaxOffset = 10_000;

    public async Task<IReadOnlyList<MarketPrint>> GetPrintsAsync(ConditionId market, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var prints = new List<MarketPrint>();
        for (var offset = 0; offset <= MaxOffset; offset += PageSize)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"trades?market={Uri.EscapeDataString(market.Value)}&takerOnly=true&limit={PageSize}&offset={offset}");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)).WithEndpoint(PolymarketEndpoint.DataTrades);
            var body = await PolymarketTransport.SendAsync(http, request, Api, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                break;
            }

            if (body is not JsonArray rows)
            {
                throw PolymarketTransport.UnexpectedShape(http, Api, $"/trades for {market}: not a JSON array");
            }

            var older = false;
            foreach (var row in rows)
            {
                if (DataTradeParser.Parse(row, out var problem) is not { } print)
                {
                    LogRowSkipped(logger, market.Value, problem!);
                    continue;
                }

                older |= print.At < since;
                if (print.At >= since)
                {
                    prints.Add(print);
                }
            }

            if (older || rows.Count < PageSize)
            {
                break;
            }
        }

        prints.Sort(static (a, b) => a.At.CompareTo(b.At));
        return prints;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data API /trades row for market {Market} skipped: {Problem}")]
    private static partial void LogRowSkipped(ILogger logger, string market, string problem);
}
