using System.Text.Json.Nodes;
using Prescient.Engine.Markets;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Markets;
using Prescient.Storage.Files.Tests.Exports;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Markets;

public sealed class QuotesWriterTests : DataFolderTest
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public async Task CommitAsync_TwoBatches_EveryFileWithAllQuotes()
    {
        var writer = await Store.BeginQuotesAsync(new QuotesRun(TestData.GeneratedAt, MarketSourceInfo.Live), CancellationToken.None);
        QuotesCommit commit;
        await using (writer)
        {
            await writer.AddAsync([TestData.Quote(), TestData.Quote(TestData.NoToken, "No")], CancellationToken.None);
            await writer.AddAsync([TestData.Quote() with { Outcome = "Again" }], CancellationToken.None);
            commit = await writer.CommitAsync(CancellationToken.None);
        }

        Assert.True(commit.DailyPricesWritten);
        Assert.Equal([Folder.MarketCache, Folder.Export("markets_current"), Folder.DailyPrices(Day)], commit.FilesWritten);
        var read = await Store.ReadQuotesAsync(CancellationToken.None);
        Assert.Equal(["Yes", "No", "Again"], read!.Quotes.Select(q => q.Outcome));
        Assert.Equal(["Yes", "No", "Again"], CsvFiles.Read(Folder.Export("markets_current")).Column("outcome"));
        var daily = JsonNode.Parse(await File.ReadAllTextAsync(Folder.DailyPrices(Day)))!;
        Assert.Equal(3, (int)daily["count"]!);
        Assert.Equal(["Yes", "No", "Again"], daily["prices"]!.AsArray().Select(p => (string?)p!["outcome"]));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    [Fact]
    public async Task DisposeAsync_WithoutCommit_PreviousFilesByteIdenticalAndNoTempFiles()
    {
        await Runs.CommitQuotesAsync(Store, TestData.Quotes(TestData.Quote()));
        var before = Runs.Files(Folder.Root);

        // The next day: a daily prices file would be new, so it is being written too.
        var writer = await Store.BeginQuotesAsync(new QuotesRun(TestData.GeneratedAt.AddDays(1), MarketSourceInfo.Live), CancellationToken.None);
        await using (writer)
        {
            await writer.AddAsync([TestData.Quote() with { BestBid = 0.9m }], CancellationToken.None);
        }

        Assert.Equal(3, before.Count);
        Runs.AssertSameFiles(before, Runs.Files(Folder.Root));
        Runs.AssertNoTempFiles(Folder.Root);
    }

    [Fact]
    public async Task CommitAsync_DailyFileCreatedMeanwhile_KeptAndReportedNotWritten()
    {
        var writer = await Store.BeginQuotesAsync(new QuotesRun(TestData.GeneratedAt, MarketSourceInfo.Live), CancellationToken.None);
        QuotesCommit commit;
        await using (writer)
        {
            await writer.AddAsync([TestData.Quote()], CancellationToken.None);
            await File.WriteAllTextAsync(Folder.DailyPrices(Day), "another writer's");
            commit = await writer.CommitAsync(CancellationToken.None);
        }

        Assert.False(commit.DailyPricesWritten);
        Assert.Equal([Folder.MarketCache, Folder.Export("markets_current")], commit.FilesWritten);
        Assert.Equal("another writer's", await File.ReadAllTextAsync(Folder.DailyPrices(Day)));
        Runs.AssertNoTempFiles(Folder.Root);
    }
}
