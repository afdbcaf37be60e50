using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Quotes;
using Prescient.Storage.Files.Json;
using Prescient.Storage.Files.Markets;

namespace Prescient.Storage.Files.Tests.Json;

/// <summary>
/// The build-time metadata of <see cref="PrescientJsonContext"/> changes no byte of a file: each
/// type a refresh writes by the thousand serializes exactly as reflection-built metadata did, and
/// none of them falls back to reflection.
/// </summary>
public sealed class PrescientJsonContextTests
{
    /// <summary><see cref="PrescientJson.Options"/> with reflection metadata only, as every file was written before the context.</summary>
    private static readonly JsonSerializerOptions ReflectionOnly = new(PrescientJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<object> RefreshItems() => new()
    {
        TestData.Row(),
        TestData.Row() with { Outcomes = [], YesTokenId = null, NoTokenId = null, EndDate = null, Volume24h = null, FeesEnabled = false },
        TestData.Quote(),
        TestData.Quote() with { HasBook = false, BestBid = null, Bids = [], Question = null, BookTimestamp = null },
        DailyPrice.From(TestData.Quote()),
        new TradingFilterOptions(),
        new TradingFilterOptions { IncludeTags = ["politics", "Élection"], ExcludeTags = ["sports"], MinDaysToEnd = 0.5, MinLiquidity = 0.1m + 0.2m },
    };

    [Theory]
    [MemberData(nameof(RefreshItems))]
    public void Serialize_RefreshItem_SameBytesAsReflection(object item)
    {
        var type = item.GetType();

        Assert.Equal(JsonSerializer.Serialize(item, type, ReflectionOnly), JsonSerializer.Serialize(item, type, PrescientJson.Options));
        Assert.Equal(
            JsonSerializer.Serialize(item, type, new JsonSerializerOptions(ReflectionOnly) { WriteIndented = false }),
            JsonSerializer.Serialize(item, type, PrescientJson.CompactOptions));
    }

    [Fact]
    public void GetTypeInfo_TypesARefreshWrites_AllGeneratedAtBuildTime()
    {
        Type[] written = [typeof(MarketRow), typeof(TokenQuote), typeof(DailyPrice), typeof(TradingFilterOptions)];

        Assert.Equal(written.Length, written.Count(t => PrescientJsonContext.Default.GetTypeInfo(t) is not null));
    }
}
