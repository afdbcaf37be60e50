using System.Diagnostics.Metrics;
using Prescient.Domain.Trading;
using Prescient.Engine.Storage;

namespace Prescient.Engine.Observability;

/// <summary>
/// The trading figures as .NET metrics (meter <see cref="Name"/>): ledger records by kind, rejected
/// signals by reason, and the portfolio's equity, cash and exposure at its last write. <c>serve</c>
/// exports them on <c>/metrics</c> (prometheus-net's meter adapter: <c>prescient_trades_total</c>,
/// <c>prescient_rejections_total</c>, <c>prescient_equity_usdc</c>, …); without a listener they cost nothing.
/// </summary>
public static class TradingMeter
{
    public const string Name = "Prescient";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Trades = Meter.CreateCounter<long>("trades", description: "Ledger records appended, by kind (buy, sell, settlement).");
    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>("rejections", description: "Signals and exits not filled, by reason.");
    private static PortfolioFigures? _last;

    static TradingMeter()
    {
        // Observable gauges, read at each scrape from the portfolio last written.
        Meter.CreateObservableGauge("equity_usdc", () => Read(f => f.Equity), description: "Equity of the portfolio last written (USDC).");
        Meter.CreateObservableGauge("cash_usdc", () => Read(f => f.Cash), description: "Cash of the portfolio last written (USDC).");
        Meter.CreateObservableGauge("exposure_usdc", () => Read(f => f.Exposure), description: "Cost basis held in open positions (USDC).");
        Meter.CreateObservableGauge("open_positions", () => Read(f => f.Positions), description: "Open positions of the portfolio last written.");
    }

    public static void Recorded(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        Trades.Add(1, new KeyValuePair<string, object?>("kind", Code(trade.Kind.ToString())));
    }

    public static void Rejected(RejectionReason reason) =>
        Rejections.Add(1, new KeyValuePair<string, object?>("reason", Code(reason.ToString())));

    /// <summary>The figures of a portfolio just written (a gauge: monitoring reads, it never decides).</summary>
    public static void Written(PortfolioSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Volatile.Write(ref _last, new PortfolioFigures((double)snapshot.Equity, (double)snapshot.Cash, (double)snapshot.Exposure, snapshot.Positions.Count));
    }

    private static IEnumerable<Measurement<double>> Read(Func<PortfolioFigures, double> figure) =>
        Volatile.Read(ref _last) is { } last ? [new Measurement<double>(figure(last))] : [];

    private static string Code(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}

/// <summary>The figures of a written portfolio the gauges report, as doubles: monitoring reads them, nothing decides on them.</summary>
internal sealed record PortfolioFigures(double Equity, double Cash, double Exposure, double Positions);
