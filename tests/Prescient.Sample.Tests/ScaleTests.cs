namespace Prescient.Sample.Tests;

public sealed class ScaleTests
{
    [Fact]
    public async Task Keyset_ThirtyThousandEvents_PagesThroughAllWithoutHoldingThem()
    {
        await using var harness = await SampleHarness.StartAsync(new() { Events = 30_000 });
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        var pages = 0;
        long largestPage = 0;

        do
        {
            var url = "events/keyset?limit=500&closed=false&active=true" + (cursor is null ? "" : "&after_cursor=" + Uri.EscapeDataString(cursor));
            var bytes = await harness.GetBytesAsync(url);
            largestPage = Math.Max(largestPage, bytes.Length);
            using var page = System.Text.Json.JsonDocument.Parse(bytes);
            foreach (var e in page.RootElement.GetProperty("events").EnumerateArray())
            {
                Assert.True(ids.Add(e.GetProperty("id").GetString()!));
            }

            cursor = page.RootElement.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        var expected = harness.Server.Universe.EventsAt(harness.Now).Count(e => e.Active);
        Assert.Equal(expected, ids.Count);
        Assert.Equal((expected + 499) / 500, pages);

        // Pages are generated one at a time into a pooled buffer; a page of 500 events stays a few MB.
        Assert.True(largestPage < 20_000_000, $"largest page {largestPage} bytes");
    }
}
