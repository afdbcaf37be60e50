using System.Text.Json.Nodes;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Engine.Settlement;
using Prescient.Testing.Builders;
using static Prescient.Engine.Tests.Settlement.RecordedMarkets;

namespace Prescient.Engine.Tests.Settlement;

public sealed class ResolutionRuleTests
{
    private const string NoWon = "market_resolved_binary_no_won.json";
    private const string ClobNoWon = "clob_market_resolved_tokens_winner.json";
    private const string YesWonStillAccepting = "market_closed_binary_accepting_orders_true.json";
    private const string ClobYesWon = "clob_market_closed_accepting_orders_true.json";

    [Fact]
    public void Resolve_NoWonConfirmedByClob_PaysOneToNoAndZeroToYes()
    {
        var lookup = new MarketLookup(Gamma(NoWon), Clob(ClobNoWon));

        var no = ResolutionRule.Resolve(lookup, Token(lookup, 1));
        var yes = ResolutionRule.Resolve(lookup, Token(lookup, 0));

        Assert.Equal(ResolutionState.Resolved, no.State);
        Assert.Equal(1m, no.PayoutPerShare);
        Assert.Contains("confirmed by Gamma and the CLOB", no.Detail, StringComparison.Ordinal);
        Assert.Contains("No won", no.Detail, StringComparison.Ordinal);
        Assert.Equal(ResolutionState.Resolved, yes.State);
        Assert.Equal(0m, yes.PayoutPerShare);
    }

    [Fact]
    public void Resolve_NoWonWithoutClobView_ResolvesOnGammaAlone()
    {
        var lookup = new MarketLookup(Gamma(NoWon), null);

        var no = ResolutionRule.Resolve(lookup, Token(lookup, 1));

        Assert.Equal(ResolutionState.Resolved, no.State);
        Assert.Equal(1m, no.PayoutPerShare);
        Assert.Contains("Gamma only", no.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ClosedStillAcceptingOrdersYesWon_PaysYesIgnoringTheStaleBook()
    {
        var lookup = new MarketLookup(Gamma(YesWonStillAccepting), Clob(ClobYesWon));

        var yes = ResolutionRule.Resolve(lookup, Token(lookup, 0));

        Assert.True(lookup.Market.AcceptingOrders);
        Assert.Equal(ResolutionState.Resolved, yes.State);
        Assert.Equal(1m, yes.PayoutPerShare);
    }

    [Fact]
    public void Resolve_OpenMarket_IsOpen()
    {
        var market = new MarketBuilder().Build();

        var resolution = ResolutionRule.Resolve(new MarketLookup(market, null), market.Outcomes[1].TokenId!.Value);

        Assert.Equal(ResolutionState.Open, resolution.State);
        Assert.Null(resolution.PayoutPerShare);
    }

    [Fact]
    public void Resolve_LegacyPricesZeroZero_IsPending()
    {
        var lookup = new MarketLookup(Gamma("market_closed_legacy_prices_0_0.json"), null);

        var resolution = ResolutionRule.Resolve(lookup, Token(lookup, 0));

        Assert.Equal(ResolutionState.Pending, resolution.State);
        Assert.Contains("legacy outcome prices [0, 0]", resolution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ClosedWithNonSettlementPrices_IsPending()
    {
        var lookup = new MarketLookup(Gamma("market_closed_nonbinary_legacy.json"), null);

        var resolution = ResolutionRule.Resolve(lookup, Token(lookup, 0));

        Assert.Equal(ResolutionState.Pending, resolution.State);
        Assert.Contains("are not a settlement", resolution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ClosedWithoutOutcomePrices_IsPending()
    {
        var lookup = new MarketLookup(Gamma(NoWon, n => Set(n, "outcomePrices", "[]")), null);

        Assert.Equal(ResolutionState.Pending, ResolutionRule.Resolve(lookup, Token(lookup, 1)).State);
    }

    [Fact]
    public void Resolve_ClobNotClosedYet_IsPending()
    {
        var lookup = new MarketLookup(Gamma(NoWon), Clob(ClobNoWon, n => Set(n, "closed", false)));

        var resolution = ResolutionRule.Resolve(lookup, Token(lookup, 1));

        Assert.Equal(ResolutionState.Pending, resolution.State);
        Assert.Contains("CLOB market is not closed yet", resolution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ClobClosedWithoutWinner_IsPending()
    {
        var lookup = new MarketLookup(Gamma(NoWon), Clob(ClobNoWon, NoWinners));

        var resolution = ResolutionRule.Resolve(lookup, Token(lookup, 1));

        Assert.Equal(ResolutionState.Pending, resolution.State);
        Assert.Contains("has no winner yet", resolution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ClobFlagsTheOtherWinner_IsPending()
    {
        var lookup = new MarketLookup(Gamma(NoWon), Clob(ClobNoWon, n => { n["tokens"]![0]!["winner"] = true; n["tokens"]![1]!["winner"] = false; return n; }));

        var resolution = ResolutionRule.Resolve(lookup, Token(lookup, 1));

        Assert.Equal(ResolutionState.Pending, resolution.State);
        Assert.Contains("the CLOB disagrees", resolution.Detail, StringComparison.Ordinal);
        Assert.Contains(Token(lookup, 0).Value, resolution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FiftyFiftyConfirmedByClob_PaysHalfToEitherSide()
    {
        var lookup = new MarketLookup(Gamma(NoWon, HalfHalf), Clob(ClobNoWon, n => Set(NoWinners(n), "is_50_50_outcome", true)));

        var yes = ResolutionRule.Resolve(lookup, Token(lookup, 0));
        var no = ResolutionRule.Resolve(lookup, Token(lookup, 1));

        Assert.Equal((ResolutionState.Resolved, 0.5m), (yes.State, yes.PayoutPerShare));
        Assert.Equal((ResolutionState.Resolved, 0.5m), (no.State, no.PayoutPerShare));
        Assert.Contains("50/50", no.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FiftyFiftyOnGammaAlone_PaysHalf()
    {
        var lookup = new MarketLookup(Gamma(NoWon, HalfHalf), null);

        Assert.Equal(0.5m, ResolutionRule.Resolve(lookup, Token(lookup, 0)).PayoutPerShare);
    }

    [Fact]
    public void Resolve_FiftyFiftyOnGammaButClobNotFlagged_IsPending()
    {
        var lookup = new MarketLookup(Gamma(NoWon, HalfHalf), Clob(ClobNoWon, NoWinners));

        Assert.Equal(ResolutionState.Pending, ResolutionRule.Resolve(lookup, Token(lookup, 0)).State);
    }

    [Fact]
    public void Resolve_WinnerOnGammaButClobSaysFiftyFifty_IsPending()
    {
        var lookup = new MarketLookup(Gamma(NoWon), Clob(ClobNoWon, n => Set(n, "is_50_50_outcome", true)));

        var resolution = ResolutionRule.Resolve(lookup, Token(lookup, 1));

        Assert.Equal(ResolutionState.Pending, resolution.State);
        Assert.Contains("50/50 outcome", resolution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TokenNotInMarket_IsPendingAndSaysSo()
    {
        var lookup = new MarketLookup(Gamma(NoWon), Clob(ClobNoWon));
        var stranger = TokenId.Create("123");

        var resolution = ResolutionRule.Resolve(lookup, stranger);

        Assert.Equal(ResolutionState.Pending, resolution.State);
        Assert.Contains("token 123 is not an outcome", resolution.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ClobViewOfAnotherCondition_Throws()
    {
        var lookup = new MarketLookup(Gamma(NoWon), Clob(ClobYesWon));

        Assert.Throws<ArgumentException>(() => ResolutionRule.Resolve(lookup, Token(lookup, 1)));
    }

    private static TokenId Token(MarketLookup lookup, int outcome) => lookup.Market.Outcomes[outcome].TokenId!.Value;

    private static JsonObject HalfHalf(JsonObject node) => Set(node, "outcomePrices", "[\"0.5\", \"0.5\"]");

    private static JsonObject NoWinners(JsonObject node)
    {
        foreach (var token in node["tokens"]!.AsArray())
        {
            token!["winner"] = false;
        }

        return node;
    }

    private static JsonObject Set(JsonObject node, string name, JsonNode? value)
    {
        node[name] = value;
        return node;
    }
}
