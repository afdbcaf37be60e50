using Prescient.Domain.Ids;
using Prescient.Domain.Values;

namespace Prescient.Domain.Positions;

/// <summary>
/// The portfolio's exposure sums (Σ cost basis of open positions, USDC), in total and per event, each summed
/// once after a change and kept until the next (an execution asks for them for every signal). A sum is
/// the same addition in the same order as without the cache, so the amount and its scale are the same.
/// </summary>
internal sealed class Exposures(Dictionary<MarketId, Position> positions)
{
    private readonly Dictionary<EventId, Usdc> _byEvent = [];
    private Usdc? _total;

    public Usdc Total => _total ??= Usdc.Sum(positions.Values.Select(p => p.CostBasis));

    public Usdc In(EventId eventId)
    {
        if (!_byEvent.TryGetValue(eventId, out var sum))
        {
            sum = Usdc.Sum(positions.Values.Where(p => p.EventId == eventId).Select(p => p.CostBasis));
            _byEvent[eventId] = sum;
        }

        return sum;
    }

    /// <summary>Forgets every sum: a position opened, changed or closed.</summary>
    public void Changed()
    {
        _total = null;
        _byEvent.Clear();
    }
}
