using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Prescient.Browser.Tests;

/// <summary>The dashboard with <c>serve</c>'s live feed on the sample market's channel: quotes and marks move without a reload.</summary>
public sealed class LiveFeedBrowserTests : IAsyncLifetime
{
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync(feed: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task LiveBooks_ShowInTheMarketsAndPositions_AndMoveWithTheMarket()
    {
        await _server.PostAsync("/trading/run-full-cycle");
        var page = await _server.OpenAsync();
        await page.EvaluateAsync("() => { window.prescientNotReloaded = true; }");

        await Expect(page.GetByTestId("feed")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator("[data-testid=markets-table] tr[data-live=true]").First).ToBeAttachedAsync();
        var positions = page.Locator("[data-testid=positions-table] tbody");
        var before = await positions.InnerTextAsync();

        // Six simulated hours pass on the sample market: its channel sends the new books (and any resolution),
        // and the page shows the positions re-marked (or settled) without a reload.
        _server.Api.Backend.Sample!.Clock.AdvanceBy(TimeSpan.FromHours(6));

        await Expect(positions).Not.ToHaveTextAsync(before, new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.prescientNotReloaded === true"));
        Assert.Empty(_server.Errors);
    }
}
