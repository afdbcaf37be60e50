namespace Prescient.Sample.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Keyset_FirstPage_WritesFile()
    {
        await using var harness = await SampleHarness.StartAsync();
        var bytes = await harness.GetBytesAsync("events/keyset?limit=50&closed=false&active=true");
        await File.WriteAllBytesAsync("/tmp/sample_page.json", bytes);
        var market = harness.Server.Universe.EventsAt(harness.Now)[3].Markets[0];
        await File.WriteAllBytesAsync("/tmp/sample_book.json", await harness.GetBytesAsync("book?token_id=" + market.YesTokenId));
        await File.WriteAllBytesAsync("/tmp/sample_clob.json", await harness.GetBytesAsync("markets/" + market.ConditionId));
        await File.WriteAllBytesAsync("/tmp/sample_mk.json", await harness.GetBytesAsync("markets/keyset?limit=5"));
        await File.WriteAllBytesAsync("/tmp/sample_hist.json", await harness.GetBytesAsync("prices-history?interval=1d&fidelity=60&market=" + market.YesTokenId));
        Assert.NotEmpty(bytes);
    }
}
