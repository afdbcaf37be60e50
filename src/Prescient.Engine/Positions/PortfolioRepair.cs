using System.Globalization;
using Prescient.Domain.Ids;

namespace Prescient.Engine.Positions;

/// <summary>
/// A rebuild of <c>portfolio.json</c> that was behind the ledger: the file held the replay of the
/// first <see cref="Applied"/> of <see cref="LedgerRecords"/> records (none when it was missing), the
/// state an interrupted run leaves, because each record is appended before the portfolio is rewritten.
/// </summary>
public sealed record PortfolioRepair(int Applied, int LedgerRecords, TradeId FirstMissing, TradeId LastMissing, bool WasMissing)
{
    public int RecordsBehind => LedgerRecords - Applied;

    /// <summary>The one line every caller shows the user.</summary>
    public string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"portfolio.json was {RecordsBehind} {(RecordsBehind == 1 ? "record" : "records")} behind the ledger (an interrupted run); rebuilt");
}
