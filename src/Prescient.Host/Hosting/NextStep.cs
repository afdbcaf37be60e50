using Prescient.Engine.Exports;
using Prescient.Engine.Refresh;

namespace Prescient.Host.Hosting;

/// <summary>
/// The command and the endpoint that run each pipeline step, and the messages that tell a user
/// which to run first. In one place so the CLI and the API say the same thing.
/// </summary>
public static class NextStep
{
    public static string Command(PipelineStep step) => step switch
    {
        PipelineStep.Signals => "prescient signals",
        _ => "prescient refresh",
    };

    public static string Route(PipelineStep step) => step switch
    {
        PipelineStep.Events => "POST /events/refresh-all-exports",
        PipelineStep.Quotes => "POST /markets/refresh",
        _ => "POST /strategy/generate-signals",
    };

    /// <summary>"No signals yet: run `prescient signals` (or POST /strategy/generate-signals) first."</summary>
    public static string Describe(MissingStateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Step is { } step
            ? $"{exception.Missing}: run `{Command(step)}` (or {Route(step)}) first."
            : exception.Message;
    }

    /// <summary>"no trades/current_signals.json yet: run `prescient signals`".</summary>
    public static string Describe(SkippedExport skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        return $"no {skipped.File} yet: run `{Command(skipped.Step)}`";
    }
}
