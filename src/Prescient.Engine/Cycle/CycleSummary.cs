using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Prescient.Engine.Cycle;

/// <summary>The one line the run log keeps for a successful cycle (invariant culture, USDC to the cent).</summary>
internal static class CycleSummary
{
    public static string Describe(CycleResult result)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"{result.Source.Name}: {result.EventsKept} of {result.EventsDiscovered} events kept, {result.Markets} markets, ");
        text.Append(c, $"{result.Signals} signals, {result.Trades} trades, ");
        if (result.Exits > 0)
        {
            text.Append(c, $"{result.Exits} exits, ");
        }

        text.Append(c, $"{result.Settlements} settlements, {result.Rejections} rejections");
        if (result.RejectionsByReason.Count > 0)
        {
            var reasons = result.RejectionsByReason.Select(r => $"{JsonNamingPolicy.SnakeCaseLower.ConvertName(r.Key.ToString())} {r.Value.ToString(c)}");
            text.Append(" (").AppendJoin(", ", reasons).Append(')');
        }

        if (result.LookupFailures > 0)
        {
            text.Append("; ").Append(Settlement.SettlementText.LookupFailures(result.LookupFailures));
        }

        text.Append(c, $"; equity {result.Equity:0.00}, cash {result.Cash:0.00} USDC, {result.OpenPositions} open positions");
        return text.ToString();
    }
}
