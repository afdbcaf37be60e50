using Prescient.Domain.Ids;
using Prescient.Domain.Markets;
using Prescient.Domain.Positions;
using Prescient.Domain.Trading;

namespace Prescient.Engine.Settlement;

/// <summary>What one settlement pass over the held markets did: the settlement records appended, and the markets left pending.</summary>
public sealed record SettlementPass(IReadOnlyList<Trade> Settled, IReadOnlyList<PendingSettlement> Pending, DateTimeOffset At)
{
    /// <summary>The held markets looked up this pass and not settled, as Gamma describes them now (closed flag, accepting orders, end date).</summary>
    public IReadOnlyDictionary<MarketId, Market> Markets { get; init; } = new Dictionary<MarketId, Market>();

    /// <summary>Held markets whose lookup failed or was unusable this run.</summary>
    public int LookupFailures => Pending.Count(p => p.LookupFailed);

    /// <summary>Flagged marks for closed markets waiting for their resolution: Gamma's outcome price of the held token.</summary>
    public IReadOnlyDictionary<TokenId, Mark> PendingMarks =>
        Pending.Where(p => p.OutcomePrice is not null)
            .ToDictionary(p => p.TokenId, p => new Mark(p.OutcomePrice!.Value, MarkSource.ResolutionPending, At));

    /// <summary>Why each held market could not be looked up, by market.</summary>
    public IReadOnlyDictionary<MarketId, string> LookupProblems =>
        Pending.Where(p => p.LookupFailed).ToDictionary(p => p.MarketId, p => p.Reason);

    /// <summary>The marks a run values its positions at: pending resolutions first (a closed market's book says nothing), then the marks the books gave.</summary>
    public Dictionary<TokenId, Mark> WithBookMarks(IReadOnlyDictionary<TokenId, Mark> bookMarks)
    {
        ArgumentNullException.ThrowIfNull(bookMarks);
        var marks = new Dictionary<TokenId, Mark>(bookMarks);
        foreach (var (token, mark) in PendingMarks)
        {
            marks[token] = mark;
        }

        return marks;
    }
}
