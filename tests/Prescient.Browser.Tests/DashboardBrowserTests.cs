using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Prescient.Engine.Runs;
using static Microsoft.Playwright.Assertions;

namespace Prescient.Browser.Tests;

/// <summary>The dashboard in Debian's Chromium against a real server on the sample market.</summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    /// <summary>The sample market's markup-laden title variant (TextBank): it must show as these characters, never as elements.</summary>
    private const string Markup = "<img src=x onerror=alert(1)><b>markup</b>";

    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CycleThroughTheApi_TradesPositionsAndEquityUpdateWithoutAReload()
    {
        var page = await _server.OpenAsync();
        await Expect(page.GetByTestId("equity")).ToHaveTextAsync("$10,000.00");
        Assert.Equal(0, await page.Locator("[data-testid=trades-table] tr[data-trade-id]").CountAsync());
        await page.EvaluateAsync("() => { window.prescientNotReloaded = true; }");

        var cycle = JsonNode.Parse(await _server.PostAsync("/trading/run-full-cycle"))!;
        var trades = (int)cycle["trades"]!;
        Assert.True(trades > 0);

        await Expect(page.Locator("[data-testid=trades-table] tr[data-trade-id]")).ToHaveCountAsync(trades);
        await Expect(page.Locator("[data-testid=positions-table] tr[data-market-id]")).ToHaveCountAsync((int)cycle["open_positions"]!);
        await Expect(page.GetByTestId("equity")).ToHaveTextAsync(Money((decimal)cycle["equity"]!));
        Assert.True(await page.EvaluateAsync<bool>("() => window.prescientNotReloaded === true"));
        Assert.Empty(_server.Errors);
    }

    [Fact]
    public async Task HostileMarketTitle_ShowsAsText_NeverAsMarkup()
    {
        await _server.PostAsync("/trading/run-full-cycle");
        var page = await _server.OpenAsync();

        var hostile = page.GetByText(Markup, new PageGetByTextOptions { Exact = false });
        await Expect(hostile.First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("img[src=x], main b, table b").CountAsync());
        Assert.Empty(_server.Errors);
    }

    [Fact]
    public async Task RunButtons_DisabledWhileAnyRunGoes_ThenACycleFromThePageShowsItsResult()
    {
        var page = await _server.OpenAsync();
        var cycleButton = page.GetByTestId("run-cycle");
        var endOfDayButton = page.GetByTestId("run-end-of-day");
        await Expect(cycleButton).ToBeEnabledAsync();

        // A run started elsewhere (here: the scheduler's turn) disables both buttons on the page, live.
        var guard = _server.Api.Services.GetRequiredService<RunGuard>();
        using (guard.TryBegin(RunKinds.Cycle, RunTriggers.Schedule))
        {
            await Expect(cycleButton).ToBeDisabledAsync();
            await Expect(endOfDayButton).ToBeDisabledAsync();
            await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Running cycle");
        }

        await Expect(cycleButton).ToBeEnabledAsync();
        await cycleButton.ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Cycle done", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=trades-table] tr[data-trade-id]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=signals-table] tr[data-signal-id]").First).ToBeVisibleAsync();
        await Expect(cycleButton).ToBeEnabledAsync();
        Assert.Empty(_server.Errors);
    }

    [Fact]
    public async Task Phone_ThePageFitsItsWidth_TablesScrollInsideTheirSections()
    {
        await _server.PostAsync("/trading/run-full-cycle");
        var page = await _server.OpenAsync(390, 844);

        await Expect(page.Locator("[data-testid=trades-table] tr[data-trade-id]").First).ToBeAttachedAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.Equal(0, overflow);
        Assert.Empty(_server.Errors);
    }

    [Fact]
    public async Task ApiReference_WorksUnderItsOwnPolicy_WithNothingFromOutside()
    {
        var page = await _server.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_server.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(_server.BaseAddress, "scalar/").ToString());

        await Expect(page.GetByText("Liveness, the market source").First).ToBeVisibleAsync();
        Assert.Empty(outside);
        Assert.Empty(_server.Errors);
    }

    private static string Money(decimal value) =>
        (value < 0 ? "-$" : "$") + Math.Abs(Math.Round(value, 2, MidpointRounding.AwayFromZero)).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
}
