using Prescient.Domain.Markets;
using Prescient.Engine.Filters;
using Prescient.Testing.Builders;

namespace Prescient.Engine.Tests.Filters;

public sealed class TradingFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly TradingFilter _filter = new(new TradingFilterOptions());

    public static TheoryData<string, FilterReason> Cases => new()
    {
        { "inactive", FilterReason.NotActive },
        { "closed", FilterReason.Closed },
        { "archived", FilterReason.Archived },
        { "no-book", FilterReason.OrderBookDisabled },
        { "liquidity-999.99", FilterReason.LowLiquidity },
        { "volume-9999.99", FilterReason.LowVolume },
        { "no-end", FilterReason.NoEndDate },
        { "ends-in-23h", FilterReason.EndsTooSoon },
        { "ends-in-366d", FilterReason.EndsTooLate },
        { "nothing-accepting", FilterReason.NoMarketAcceptingOrders },
        { "ok", FilterReason.Kept },
        { "liquidity-1000-volume-10000", FilterReason.Kept },
        { "ends-in-365d", FilterReason.Kept },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_DefaultOptions_GivesFirstFailingRule(string variant, FilterReason expected)
    {
        var builder = new EventBuilder(Now);
        builder = variant switch
        {
            "inactive" => builder.With(e => e with { Active = false }),
            "closed" => builder.With(e => e with { Closed = true }),
            "archived" => builder.With(e => e with { Archived = true }),
            "no-book" => builder.With(e => e with { EnableOrderBook = false }),
            "liquidity-999.99" => builder.With(e => e with { Liquidity = 999.99m }),
            "volume-9999.99" => builder.With(e => e with { Volume = 9_999.99m }),
            "no-end" => builder.With(e => e with { EndDate = null }).WithMarket(m => m.With(x => x with { EndDate = null })),
            "ends-in-23h" => builder.With(e => e with { EndDate = Now.AddHours(23) }),
            "ends-in-366d" => builder.With(e => e with { EndDate = Now.AddDays(366) }),
            "nothing-accepting" => builder.WithMarket(m => m.Closed()).WithMarket(m => m.NotAcceptingOrders()),
            "liquidity-1000-volume-10000" => builder.With(e => e with { Liquidity = 1_000m, Volume = 10_000m }),
            "ends-in-365d" => builder.With(e => e with { EndDate = Now.AddDays(365) }),
            _ => builder,
        };

        Assert.Equal(expected, _filter.Evaluate(builder.Build(), Now));
    }

    [Fact]
    public void Evaluate_ClosedMarketAcceptingOrders_DoesNotCountAsAccepting()
    {
        var e = new EventBuilder(Now).WithMarket(m => m.With(x => x with { Closed = true, AcceptingOrders = true })).Build();

        Assert.Equal(FilterReason.NoMarketAcceptingOrders, _filter.Evaluate(e, Now));
    }

    [Fact]
    public void Evaluate_NoEventEndDate_FallsBackToLatestOpenMarketEnd()
    {
        var e = new EventBuilder(Now)
            .With(x => x with { EndDate = null })
            .WithMarket(m => m.With(x => x with { EndDate = Now.AddDays(10) }))
            .WithMarket(m => m.Closed().With(x => x with { EndDate = Now.AddDays(900) }))
            .Build();

        Assert.Equal(Now.AddDays(10), TradingFilter.EffectiveEndDate(e));
        Assert.Equal(FilterReason.Kept, _filter.Evaluate(e, Now));
    }

    [Theory]
    [InlineData("POLITICS", FilterReason.Kept)]
    [InlineData("crypto", FilterReason.MissingIncludedTag)]
    public void Evaluate_IncludeTags_MatchesSlugLabelOrIdIgnoringCase(string include, FilterReason expected)
    {
        var filter = new TradingFilter(new TradingFilterOptions { IncludeTags = [include] });
        var e = new EventBuilder(Now).With(x => x with { Tags = [new Tag("2", "politics", "Politics")] }).Build();

        Assert.Equal(expected, filter.Evaluate(e, Now));
    }

    [Fact]
    public void Evaluate_ExcludedTag_Drops()
    {
        var filter = new TradingFilter(new TradingFilterOptions { ExcludeTags = ["120"] });
        var e = new EventBuilder(Now).With(x => x with { Tags = [new Tag("120", "finance", "Finance")] }).Build();

        Assert.Equal(FilterReason.ExcludedTag, filter.Evaluate(e, Now));
    }

    [Fact]
    public void Validate_MinDaysAboveMax_ReportsTheSetting()
    {
        var message = new TradingFilterOptions { MinDaysToEnd = 10, MaxDaysToEnd = 5 }.Validate();

        Assert.Contains("MinDaysToEnd", message, StringComparison.Ordinal);
    }
}
