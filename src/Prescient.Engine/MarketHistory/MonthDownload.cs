using Prescient.Domain.Ids;

namespace Prescient.Engine.MarketHistory;

/// <summary>
/// Downloads one token-month: [month start, min(month end, now)] cut into requests of at most
/// <see cref="HistoryFetchOptions.RequestSpan"/>, then merged. Windows meet at their edges and
/// upstream includes both ends, so a point can come twice: only points inside the month with a time
/// later than the last one kept are taken, which also drops anything out of order.
/// </summary>
internal static class MonthDownload
{
    public static async Task<HistoryPoint[]> RunAsync(
        IPriceHistorySource source,
        TokenId token,
        HistoryMonth month,
        int fidelityMinutes,
        TimeSpan span,
        DateTimeOffset now,
        Action countRequest,
        CancellationToken cancellationToken)
    {
        var start = month.Start;
        var end = month.End < now ? month.End : now;
        var first = start.ToUnixTimeSeconds();
        var endOfMonth = month.End.ToUnixTimeSeconds();
        var merged = new List<HistoryPoint>();
        var last = long.MinValue;
        for (var from = start; from < end; from += span)
        {
            var to = from + span < end ? from + span : end;
            var points = await source.GetAsync(token, from, to, fidelityMinutes, cancellationToken).ConfigureAwait(false);
            countRequest();
            foreach (var point in points)
            {
                if (point.UnixSeconds >= first && point.UnixSeconds < endOfMonth && point.UnixSeconds > last)
                {
                    merged.Add(point);
                    last = point.UnixSeconds;
                }
            }
        }

        return [.. merged];
    }
}
