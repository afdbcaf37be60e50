using Microsoft.AspNetCore.Http;

namespace Prescient.Sample.Server;

/// <summary>Which API a route imitates; decides the error body style and whether faults apply.</summary>
internal enum Api
{
    Gamma,
    Clob,

    /// <summary><c>/sample/*</c>: never faulted, never delayed.</summary>
    Control,
}

/// <summary>
/// Runs every request: counts it, adds latency, injects at most one fault (429, then 5xx, then a
/// truncated 200 JSON body), and writes the reply with an exact Content-Length.
/// </summary>
internal sealed class ReplyPipeline(FaultPlan faults, SampleServerStats stats)
{
    public RequestDelegate Handle(string route, Api api, Func<HttpContext, Task<SampleReply>> handler) =>
        context => RunAsync(context, route, api, handler);

    public RequestDelegate Handle(string route, Api api, Func<HttpContext, SampleReply> handler)
    {
        Func<HttpContext, Task<SampleReply>> asynchronous = c => Task.FromResult(handler(c));
        return context => RunAsync(context, route, api, asynchronous);
    }

    private async Task RunAsync(HttpContext context, string route, Api api, Func<HttpContext, Task<SampleReply>> handler)
    {
        stats.CountRequest(route);
        var cancellationToken = context.RequestAborted;
        var faultable = api != Api.Control;
        if (faultable && faults.Options.Latency > TimeSpan.Zero)
        {
            // Network latency is wall-clock time, whatever drives the simulated clock (often a fake in tests).
            await Task.Delay(faults.Options.Latency, TimeProvider.System, cancellationToken);
        }

        var started = TimeProvider.System.GetTimestamp();
        using var reply = faultable ? Fault(api) ?? await handler(context) : await handler(context);
        var body = reply.Body.Written;
        if (faultable && reply.Status == StatusCodes.Status200OK && reply.IsJson && faults.Next(SampleFaultKind.TruncatedJson))
        {
            body = body[..(body.Length / 2)];
        }

        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        response.ContentLength = body.Length;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        stats.AddBusyTime(TimeProvider.System.GetElapsedTime(started));
        await response.Body.WriteAsync(body, cancellationToken);
    }

    private SampleReply? Fault(Api api)
    {
        if (faults.Next(SampleFaultKind.RateLimit))
        {
            var reply = SampleReply.Text(StatusCodes.Status429TooManyRequests, "Too Many Requests");
            reply.Headers.Add(new("Retry-After", faults.RetryAfterSeconds));
            return reply;
        }

        if (!faults.Next(SampleFaultKind.ServerError))
        {
            return null;
        }

        var status = faults.ServerErrorStatus();
        return api == Api.Gamma
            ? SampleReply.GammaError(status, "internal error", "cannot get the information")
            : SampleReply.ClobError(status, status switch
            {
                502 => "bad gateway",
                503 => "service not ready",
                _ => "internal server error",
            });
    }
}
