using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Prescient.Host.Dashboard;
using Prescient.Host.Hosting;
using Prescient.Host.Security;
using Prescient.Host.Tests.Dashboard;

namespace Prescient.Host.Tests.Security;

public sealed class AccessTokenTests
{
    private const string Token = "s3cret-token-for-tests-0123456789";

    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://127.0.0.2:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://192.168.1.20:5000", false)]
    [InlineData("http://prescient.example:80", false)]
    [InlineData("http://127.0.0.1:5000;http://0.0.0.0:6000", false)]
    public void NonLoopback_TellsEveryAddressBeyondThisMachine(string urls, bool loopbackOnly) =>
        Assert.Equal(loopbackOnly, !AccessToken.NonLoopback(urls).Any());

    [Fact]
    public void Resolve_NonLoopbackWithoutAToken_RefusesNamingTheSetting()
    {
        var e = Assert.Throws<SettingsException>(() => AccessToken.Resolve(Settings(), "http://0.0.0.0:5000"));
        Assert.Contains(AccessToken.SettingKey, e.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", e.Message, StringComparison.Ordinal);
        Assert.Null(AccessToken.Resolve(Settings(), "http://127.0.0.1:5000"));
        Assert.Throws<SettingsException>(() => AccessToken.Resolve(Settings("short"), "http://0.0.0.0:5000"));
        Assert.Equal(Token, AccessToken.Resolve(Settings(" " + Token + " "), "http://0.0.0.0:5000"));
    }

    [Fact]
    public async Task Serve_NonLoopbackWithoutAToken_DoesNotStart()
    {
        var e = await Assert.ThrowsAsync<SettingsException>(() => ApiFixture.StartAsync(urls: "http://0.0.0.0:0"));
        Assert.Contains(AccessToken.SettingKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NonLoopbackWithAToken_StateChangesNeedIt_ReadsAndTheHubDoNot()
    {
        await using var api = await ApiFixture.StartAsync(new Dictionary<string, string?> { [AccessToken.SettingKey] = Token }, "http://0.0.0.0:0");

        using var anonymous = await api.Client.PostAsync(new Uri("/trading/run-full-cycle", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        foreach (var wrong in new[] { "Bearer not-the-token-at-all-000000", "Basic " + Token, Token })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/markets/refresh");
            request.Headers.TryAddWithoutValidation("Authorization", wrong);
            using var refused = await api.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await api.SendAsync("DELETE", "/paper-trading/trades"));
        Assert.False(File.Exists(Path.Combine(api.DataDirectory, "history", "run_log.json")));

        await using var hub = await HubListener.ConnectAsync(api.BaseAddress);
        using var authorized = new HttpRequestMessage(HttpMethod.Post, "/trading/run-full-cycle");
        authorized.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var cycle = await api.Client.SendAsync(authorized);
        Assert.Equal(HttpStatusCode.OK, cycle.StatusCode);
        Assert.Equal(DashboardMessages.RunStarted, (await hub.NextAsync()).Method);

        Assert.True((int)(await api.GetJsonAsync("/api/dashboard"))["overview"]!["trade_count"]! > 0);
    }

    private static IConfiguration Settings(string? token = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AccessToken.SettingKey] = token }).Build();
}
