using Prescient.Sample.Universe;

namespace Prescient.Sample.Server;

/// <summary>
/// The book the CLOB shows for a token at an instant, scenarios applied: one place shared by
/// <c>GET /book</c>, <c>POST /books</c> and the market channel, so that they always agree.
/// </summary>
internal sealed class SampleBooks(SampleUniverse universe, ScenarioOptions scenarios)
{
    public SampleUniverse Universe { get; } = universe;

    /// <summary>The book of one token of <paramref name="market"/> in <paramref name="state"/>, or null when the CLOB has none.</summary>
    public SimBook? BookOf(MarketBlueprint market, MarketState state, int outcome, long ticks)
    {
        var seed = Universe.Options.Seed;
        if (scenarios.GhostBooks && state.HasBook && GhostBook.Affects(seed, market.Id, outcome, ticks))
        {
            return GhostBook.For(outcome == 0 ? market.YesTokenId : market.NoTokenId);
        }

        return BookModel.For(seed, market, state, outcome, ticks, scenarios.ThinBestLevels);
    }
}
