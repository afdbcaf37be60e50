using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Prescient.Sample.Server;

namespace Prescient.Sample.Tests;

/// <summary>A sample server on 127.0.0.1:0 driven by a fake clock, with an HttpClient aimed at it.</summary>
internal sealed class SampleHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private SampleHarness(SampleServer server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        Http = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public SampleServer Server { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public DateTimeOffset Now => Server.Clock.Now;

    public static async Task<SampleHarness> StartAsync(SampleServerOptions? options = null, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? Start);
        var server = await SampleServer.StartAsync(options ?? new SampleServerOptions(), time, CancellationToken.None);
        return new SampleHarness(server, time);
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<byte[]> GetBytesAsync(string path) => await Http.GetByteArrayAsync(new Uri(path, UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
