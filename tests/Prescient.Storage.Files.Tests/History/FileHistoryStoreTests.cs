using Prescient.Testing.Fakes;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Domain.Signals;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.History;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Tests.History;

public sealed class FileHistoryStoreTests : DataFolderTest
{
    private readonly RecordingLogger<FileHistoryStore> _logger = new();

    public FileHistoryStoreTests() => History = new FileHistoryStore(Folder, _logger);

    private FileHistoryStore History { get; }

    [Fact]
    public async Task AddFileStorage_ResolvesOneFileHistoryStoreOverTheFolder()
    {
        await using var services = new ServiceCollection()
            .AddFileStorage(Folder.Root)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var store = services.GetRequiredService<IHistoryStore>();

        Assert.Same(services.GetRequiredService<FileHistoryStore>(), store);
        Assert.Equal(Folder.PortfolioHistory, await store.AppendPortfolioDayAsync(HistoryData.Day(0), CancellationToken.None));
    }

    [Fact]
    public async Task ReadPortfolioHistoryAsync_NothingRecordedYet_EmptyAndCreatesNothing()
    {
        Assert.Empty(await History.ReadPortfolioHistoryAsync(CancellationToken.None));

        Assert.False(Directory.Exists(Folder.HistoryDirectory));
    }

    [Fact]
    public async Task AppendPortfolioDayAsync_ThreeDays_ReadBackExactlyOneSnakeCaseRecordPerLine()
    {
        var days = Enumerable.Range(0, 3).Select(n => HistoryData.Day(n)).ToArray();

        foreach (var day in days)
        {
            Assert.Equal(Folder.PortfolioHistory, await History.AppendPortfolioDayAsync(day, CancellationToken.None));
        }

        Assert.Equal(days, await new FileHistoryStore(Folder).ReadPortfolioHistoryAsync(CancellationToken.None));
        var lines = await File.ReadAllLinesAsync(Folder.PortfolioHistory);
        Assert.Equal(5, lines.Length);
        Assert.Equal("[", lines[0]);
        Assert.Equal("]", lines[^1]);
        var first = JsonNode.Parse(lines[1].TrimEnd(','))!.AsObject();
        Assert.Equal(
            ["date", "recorded_at", "cash", "positions_value", "equity", "realized_pnl", "unrealized_pnl", "exposure", "fees_paid",
             "open_positions", "trade_count", "last_trade_id", "source"],
            first.Select(p => p.Key));
        Assert.Equal("2026-11-25", (string?)first["date"]);
        Assert.Equal("2026-11-25T18:00:00.5Z", (string?)first["recorded_at"]);
        Assert.Contains("\"cash\":9800.00,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"last_trade_id\":\"T000003\"", lines[2], StringComparison.Ordinal);
        Assert.Empty(_logger.Warnings);
    }

    [Fact]
    public async Task AppendPortfolioDayAsync_NextDay_WritesOnlyOverTheClosingBracket()
    {
        await History.AppendPortfolioDayAsync(HistoryData.Day(0), CancellationToken.None);
        var before = await File.ReadAllBytesAsync(Folder.PortfolioHistory);

        await History.AppendPortfolioDayAsync(HistoryData.Day(1), CancellationToken.None);

        var after = await File.ReadAllBytesAsync(Folder.PortfolioHistory);
        var line = JsonSerializer.Serialize(HistoryData.Day(1), PrescientJson.CompactOptions);
        Assert.Equal(before[..^3].Concat(Encoding.UTF8.GetBytes(",\n" + line + "\n]\n")), after);
    }

    [Fact]
    public async Task ReadPortfolioHistoryAsync_TornTailAfterACrash_RepairedLoggedAndAppendsGoOn()
    {
        await History.AppendPortfolioDayAsync(HistoryData.Day(0), CancellationToken.None);
        await History.AppendPortfolioDayAsync(HistoryData.Day(1), CancellationToken.None);
        var torn = (await File.ReadAllTextAsync(Folder.PortfolioHistory))[..^3] + ",\n{\"date\":\"2026-11-27\",\"reco";
        await File.WriteAllTextAsync(Folder.PortfolioHistory, torn);
        var logger = new RecordingLogger<FileHistoryStore>();
        var reopened = new FileHistoryStore(Folder, logger);

        Assert.Equal([HistoryData.Day(0), HistoryData.Day(1)], await reopened.ReadPortfolioHistoryAsync(CancellationToken.None));
        await reopened.AppendPortfolioDayAsync(HistoryData.Day(2), CancellationToken.None);

        var warning = Assert.Single(logger.Warnings);
        Assert.StartsWith($"Repaired {Folder.PortfolioHistory} after an interrupted append: kept 2 complete records", warning, StringComparison.Ordinal);
        Assert.Equal([HistoryData.Day(0), HistoryData.Day(1), HistoryData.Day(2)], await new FileHistoryStore(Folder).ReadPortfolioHistoryAsync(CancellationToken.None));
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(Folder.PortfolioHistory));
        Assert.Equal(3, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ArchiveSignalsAsync_SameSignalsAgainAndAfterARestart_EachIdArchivedOnce()
    {
        var day = HistoryData.FirstDay;
        Signal[] first = [TradingData.Signal(index: 0), TradingData.Signal(index: 1), TradingData.Signal(index: 1)];

        var archived = await History.ArchiveSignalsAsync(day, first, CancellationToken.None);
        var again = await History.ArchiveSignalsAsync(day, first, CancellationToken.None);
        var afterRestart = await new FileHistoryStore(Folder).ArchiveSignalsAsync(
            day.AddDays(1), [TradingData.Signal(index: 0), TradingData.Signal(index: 2)], CancellationToken.None);

        Assert.Equal(new SignalsArchived(Folder.SignalsArchive(day), 2), archived);
        Assert.Equal(0, again.Added);
        Assert.Equal(1, afterRestart.Added);
        var stored = JsonNode.Parse(await File.ReadAllTextAsync(Folder.SignalsArchive(day)))!.AsArray();
        Assert.Equal(
            ["20261125-559657-buy_no", "20261125-559658-buy_no", "20261125-559659-buy_no"],
            stored.Select(s => (string?)s!["signal_id"]));
        Assert.Equal("buy_no", (string?)stored[0]!["action"]);
    }

    [Fact]
    public async Task ArchiveSignalsAsync_DaysOfTwoMonths_OneFilePerMonth()
    {
        var november = new DateOnly(2026, 11, 30);
        var december = november.AddDays(1);

        await History.ArchiveSignalsAsync(november, [TradingData.Signal(index: 0)], CancellationToken.None);
        await History.ArchiveSignalsAsync(december, [TradingData.Signal(index: 0)], CancellationToken.None);
        var none = await History.ArchiveSignalsAsync(december, [], CancellationToken.None);

        Assert.EndsWith("signals_archive_2026-11.json", Folder.SignalsArchive(november), StringComparison.Ordinal);
        Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(Folder.SignalsArchive(november)))!.AsArray());
        Assert.Single(JsonNode.Parse(await File.ReadAllTextAsync(Folder.SignalsArchive(december)))!.AsArray());
        Assert.Equal(0, none.Added);
    }

    [Fact]
    public async Task ArchiveSignalsAsync_NoSignals_CreatesNoFile()
    {
        var result = await History.ArchiveSignalsAsync(HistoryData.FirstDay, [], CancellationToken.None);

        Assert.Equal(0, result.Added);
        Assert.False(File.Exists(result.Path));
    }
}
