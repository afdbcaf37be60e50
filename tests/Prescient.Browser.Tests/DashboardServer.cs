using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Prescient.Host;
using Prescient.Testing;

namespace Prescient.Browser.Tests;

/// <summary>
/// A real <c>prescient serve</c> on 127.0.0.1 (random port) over a fresh data folder and the
/// sample market (whose titles include hostile ones), and Debian's Chromium driven by Playwright
/// (<c>PRESCIENT_CHROMIUM</c>, set by scripts/ensure-chromium.sh; /usr/bin/chromium otherwise).
/// Every console error and uncaught page error is kept, so each test can assert there were none.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardServer(TempDirectory dir, PrescientApi api, IPlaywright playwright, IBrowser browser)
    {
        _dir = dir;
        Api = api;
        _playwright = playwright;
        _browser = browser;
        BaseAddress = api.Addresses[0];
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public PrescientApi Api { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public List<string> Errors { get; } = [];

    /// <param name="feed">Whether the live feed runs: off, figures asserted against a run's reply do not move under the test.</param>
    public static async Task<DashboardServer> StartAsync(bool feed = false)
    {
        var dir = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data"] = dir.Path,
            ["Sample:Events"] = "120",
            ["Schedule:Enabled"] = "false",
            ["Feed:Enabled"] = feed ? "true" : "false",
        }).Build();
        var api = await PrescientApi.StartAsync(configuration, "http://127.0.0.1:0", null, CancellationToken.None);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PRESCIENT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return new DashboardServer(dir, api, playwright, browser);
    }

    /// <summary>Opens the dashboard in a new page of <paramref name="width"/>×<paramref name="height"/> and waits until its live connection is up.</summary>
    public async Task<IPage> OpenAsync(int width = 1366, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(BaseAddress.ToString());
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    /// <summary>A blank page whose console errors, uncaught errors and dialogs land in <see cref="Errors"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add("page: " + error);
        page.Dialog += (_, dialog) => Errors.Add("dialog: " + dialog.Message);
        return page;
    }

    public async Task<string> PostAsync(string path)
    {
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Api.DisposeAsync();
        _dir.Dispose();
    }
}
