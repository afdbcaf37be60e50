using Prescient.Engine.Markets;
using Prescient.Engine.Quotes;
using Prescient.Engine.Storage;
using Prescient.Engine.TimeSeries;
using Prescient.Storage.Influx.LineProtocol;

namespace Prescient.Storage.Influx;

/// <summary>
/// The engine's time series as InfluxDB points, queued on an <see cref="InfluxLineWriter"/>:
/// <list type="bullet">
/// <item><c>quote</c>, tagged <c>market_id</c>, <c>token_id</c>, <c>outcome</c>, <c>source</c>: fields
/// <c>best_bid</c>, <c>best_ask</c>, <c>mid</c>, <c>spread</c> (each when the book has it), one point per
/// token with a book at each quotes refresh, at the refresh's time;</item>
/// <item><c>portfolio</c>, tagged <c>source</c> and <c>trigger</c> (<c>execute</c> or <c>end_of_day</c>): fields
/// <c>equity</c>, <c>cash</c>, <c>exposure</c>, <c>positions_value</c>, <c>realized_pnl</c>, <c>unrealized_pnl</c>,
/// <c>fees_paid</c> (USDC) and <c>open_positions</c>, <c>trade_count</c> (integers), at the snapshot's time.</item>
/// </list>
/// </summary>
public sealed class InfluxTimeSeriesSink(InfluxLineWriter writer) : ITimeSeriesSink
{
    public const string QuoteMeasurement = "quote";

    public const string PortfolioMeasurement = "portfolio";

    public TimeSeriesCounters Counters => writer.Counters;

    public void RecordQuotes(IReadOnlyList<TokenQuote> quotes, DateTimeOffset observedAt, MarketSourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var quote in quotes)
        {
            var point = QuotePoint(quote, observedAt, source);
            if (point.HasFields)
            {
                writer.TryEnqueue(point.ToLine(InfluxLineWriter.Precision));
            }
        }
    }

    public void RecordPortfolio(PortfolioSnapshot snapshot, PortfolioTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.TryEnqueue(PortfolioPoint(snapshot, trigger).ToLine(InfluxLineWriter.Precision));
    }

    internal static LinePoint QuotePoint(TokenQuote quote, DateTimeOffset observedAt, MarketSourceInfo source) =>
        new LinePoint(QuoteMeasurement, observedAt)
            .Tag("market_id", quote.MarketId.ToString())
            .Tag("token_id", quote.TokenId.ToString())
            .Tag("outcome", quote.Outcome)
            .Tag("source", source.Name)
            .Field("best_bid", quote.BestBid)
            .Field("best_ask", quote.BestAsk)
            .Field("mid", quote.Mid)
            .Field("spread", quote.Spread);

    internal static LinePoint PortfolioPoint(PortfolioSnapshot snapshot, PortfolioTrigger trigger) =>
        new LinePoint(PortfolioMeasurement, snapshot.GeneratedAt)
            .Tag("source", snapshot.Source.Name)
            .Tag("trigger", trigger == PortfolioTrigger.EndOfDay ? "end_of_day" : "execute")
            .Field("equity", snapshot.Equity)
            .Field("cash", snapshot.Cash)
            .Field("exposure", snapshot.Exposure)
            .Field("positions_value", snapshot.PositionsValue)
            .Field("realized_pnl", snapshot.RealizedPnl)
            .Field("unrealized_pnl", snapshot.UnrealizedPnl)
            .Field("fees_paid", snapshot.FeesPaid)
            .Field("open_positions", (long?)snapshot.Positions.Count)
            .Field("trade_count", (long?)snapshot.TradeCount);
}
