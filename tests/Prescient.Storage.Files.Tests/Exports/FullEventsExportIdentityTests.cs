using System.Text;
using System.Text.Json;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.Exports;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Exports;

/// <summary>
/// The single-pass full events export writes exactly the bytes the two-pass one did (see
/// <see cref="TwoPassFullEventsExport"/>), whatever the events hold.
/// </summary>
public sealed class FullEventsExportIdentityTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task FinishAsync_RecordedGammaPayloads_SameBytesAsTwoPassExport()
    {
        var objects = FullEventsInputs.Recorded();

        var bytes = await AssertSameBytesAsync(objects, MarketSourceInfo.Live);

        Assert.Equal(objects.Count + 1, CountRecords(bytes));
    }

    [Fact]
    public async Task FinishAsync_HostileCellsAndShiftingKeys_SameBytesAsTwoPassExport()
    {
        var bytes = await AssertSameBytesAsync(FullEventsInputs.Parse(FullEventsInputs.Hostile), MarketSourceInfo.Sample);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(",'=cmd|' /C calc'!A0,", text, StringComparison.Ordinal);
        Assert.Contains(",'=1+1,", text, StringComparison.Ordinal);
        Assert.EndsWith(",last,\"A longer description, as upstream writes them: quotes \"\"like this\"\", a line\nbreak, é and ’ and emoji 🚀, well past any short-field fast path.\",simulated\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task FinishAsync_RandomEvents_SameBytesAsTwoPassExport(int seed)
    {
        await AssertSameBytesAsync(FullEventsInputs.Parse(FullEventsInputs.Random(seed, 300)), MarketSourceInfo.Sample);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{}]")]
    [InlineData("[{},{}]")]
    [InlineData("""[{"a":null}]""")]
    [InlineData("""[{"a":""},{"b":1}]""")]
    [InlineData("""[{"a":null},{}]""")]
    [InlineData("""[{},{"a":{"b":{}}},{"a":{"b":{"c":""}}}]""")]
    [InlineData("""[{"source":null},{"prescient_source":"x"}]""")]
    public async Task FinishAsync_FewOrEmptyCells_SameBytesAsTwoPassExport(string events)
    {
        using var document = JsonDocument.Parse(events);

        await AssertSameBytesAsync(document.RootElement.EnumerateArray().ToArray(), MarketSourceInfo.Sample);
    }

    [Fact]
    public async Task FinishAsync_RowsLargerThanTheCopyBuffer_SameBytesAsTwoPassExport()
    {
        var recorded = FullEventsInputs.Recorded();
        var huge = JsonSerializer.Serialize(new { id = "huge", title = new string('x', 300_000) + ",\n", markets = Enumerable.Repeat("é", 100_000) });
        var events = recorded.Concat(FullEventsInputs.Parse([huge])).Concat(recorded).Concat(recorded).ToArray();

        var bytes = await AssertSameBytesAsync(events, MarketSourceInfo.Sample);

        Assert.Equal(events.Length + 1, CountRecords(bytes));
    }

    [Fact]
    public async Task FinishAsync_TextNotUtf8_SameBytesAsTwoPassExportWithReplacementCharacters()
    {
        // 0xFF is never UTF-8, 0xC3 starts a two-byte sequence that '"' does not continue.
        var events = new[]
        {
            NotUtf8("""{"id":"1","title":"caf?"}""", 0xFF),
            NotUtf8("""{"id":"2","tags":["?"],"nested":{"a":"x?"}}""", 0xC3),
            NotUtf8("""{"id":"3","title":"fine"}""", 0xC3),
        };

        var bytes = await AssertSameBytesAsync(events, MarketSourceInfo.Live);

        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(",caf\uFFFD,", text, StringComparison.Ordinal);
        Assert.Contains(",x\uFFFD,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"1","k?y":1}""")]
    [InlineData("""{"id":"1","title":"\ud800 alone"}""")]
    [InlineData("""{"id":"1","tags":["\udc00"]}""")]
    public async Task AddAsync_KeyNotUtf8OrLoneSurrogate_ThrowsAsTheTwoPassExportDid(string json)
    {
        var raw = NotUtf8(json, 0xFF);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => TwoPassFullEventsExport.WriteAsync(Path.Combine(_temp.Path, "two-pass.csv"), [raw], "live"));
        var export = FullEventsExport.Begin(new DataFolder(Path.Combine(_temp.Path, "data")), TestData.GeneratedAt, MarketSourceInfo.Live);
        await using (export)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => export.AddAsync(raw, CancellationToken.None));
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Writes both exports of <paramref name="events"/>, asserts their bytes are equal and returns them.</summary>
    private async Task<byte[]> AssertSameBytesAsync(IReadOnlyList<JsonElement> events, MarketSourceInfo source)
    {
        var reference = Path.Combine(_temp.Path, "two-pass", "events_full.csv");
        await TwoPassFullEventsExport.WriteAsync(reference, events, source.Label);
        var folder = new DataFolder(Path.Combine(_temp.Path, "data"));

        var export = FullEventsExport.Begin(folder, TestData.GeneratedAt, source);
        await using (export)
        {
            foreach (var raw in events)
            {
                await export.AddAsync(raw, CancellationToken.None);
            }

            await export.FinishAsync(CancellationToken.None);
            export.Replace();
        }

        var expected = await File.ReadAllBytesAsync(reference);
        var actual = await File.ReadAllBytesAsync(export.Target);
        var at = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(
            at == expected.Length && at == actual.Length,
            $"The exports differ from byte {at} on (two-pass {expected.Length} bytes, single-pass {actual.Length}): "
            + $"two-pass has {Around(expected, at)}, single-pass has {Around(actual, at)}");
        Runs.AssertNoTempFiles(folder.Root);
        return actual;
    }

    /// <summary><paramref name="json"/> parsed, each <c>?</c> in it replaced by <paramref name="bad"/> first.</summary>
    private static JsonElement NotUtf8(string json, byte bad)
    {
        var raw = Encoding.UTF8.GetBytes(json);
        raw.AsSpan().Replace((byte)'?', bad);
        using var document = JsonDocument.Parse(raw);
        return document.RootElement.Clone();
    }

    private static string Around(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - 40);
        return JsonSerializer.Serialize(Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 40) - start));
    }

    private static int CountRecords(byte[] bytes)
    {
        using var reader = CsvHelper.CsvReader.Create(new MemoryStream(bytes), CsvHelper.CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
        var records = 0;
        while (reader.Read())
        {
            records++;
        }

        return records;
    }
}
