using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prescient.Storage.Influx.Tests;

/// <summary>
/// An InfluxDB stand-in on 127.0.0.1 that answers <c>POST /write</c> with what <see cref="Answer"/>
/// says for the n-th request (1-based): a status, or null to hang until the client gives up. Every
/// request's query and body are kept, in order, for the test to await.
/// </summary>
internal sealed class FakeInflux : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Query, string Body)> _requests = Channel.CreateUnbounded<(string, string)>();
    private int _count;

    private FakeInflux(WebApplication app) => _app = app;

    public Func<int, int?> Answer { get; set; } = _ => StatusCodes.Status204NoContent;

    public Uri Url { get; private set; } = null!;

    public static async Task<FakeInflux> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeInflux(app);
        app.MapPost("/write", fake.WriteAsync);
        await app.StartAsync();
        fake.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        return fake;
    }

    /// <summary>The next request's query string and body, waiting at most 30 s for it (a deadline, not a delay).</summary>
    public async Task<(string Query, string Body)> NextRequestAsync() =>
        await _requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public int RequestCount => Volatile.Read(ref _count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task WriteAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var n = Interlocked.Increment(ref _count);
        _requests.Writer.TryWrite((context.Request.QueryString.Value ?? string.Empty, body));
        if (Answer(n) is { } status)
        {
            context.Response.StatusCode = status;
            if (status >= 400)
            {
                await context.Response.WriteAsync("{\"error\":\"on purpose\"}", context.RequestAborted);
            }

            return;
        }

        // Hangs: answers nothing until the client gives up on the request.
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (context.RequestAborted.Register(() => aborted.TrySetResult()))
        {
            await aborted.Task;
        }
    }
}
