using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Prescient.Engine.Runs;

namespace Prescient.Host.Dashboard;

/// <summary>
/// A cycle or an end of day started by a request: refused with 409 while another run goes (from
/// the API, the page or the schedule), so a second click starts nothing; otherwise run to its end.
/// </summary>
internal static class GuardedRun
{
    public static async Task<Results<Ok<T>, ProblemHttpResult>> RunAsync<T>(RunGuard guard, string kind, Func<Task<T>> run, Func<T, string> summary)
    {
        using var lease = guard.TryBegin(kind, RunTriggers.Api);
        if (lease is null)
        {
            var going = guard.Current;
            return TypedResults.Problem(
                title: "A run is already going",
                detail: going is null
                    ? "Another run is going; try again when it ends."
                    : $"A {going.Kind.Replace('_', ' ')} started at {going.StartedAt:HH:mm:ss} UTC ({going.Trigger}) is going; try again when it ends.",
                statusCode: StatusCodes.Status409Conflict);
        }

        try
        {
            var result = await run();
            lease.Succeeded(summary(result));
            return TypedResults.Ok(result);
        }
        catch (Exception e)
        {
            lease.Failed(e.Message);
            throw;
        }
    }
}
