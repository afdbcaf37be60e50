using System.Globalization;
using Prescient.Engine.Refresh;
using Spectre.Console;

namespace Prescient.Cli;

/// <summary>
/// A progress display for work that reports <see cref="RefreshProgress"/> stage by stage: one bar per
/// stage, started when its first report arrives, finished when a later stage starts (a stage that runs
/// alongside the ones before it, such as quoting during discovery, finishes nothing). On a console that
/// is not interactive (pipes, CI, tests) the work runs without a display.
/// </summary>
internal static class StagedProgress
{
    /// <summary>
    /// A stage as reported (<paramref name="Stage"/>, e.g. "quote") and the words shown for it;
    /// <paramref name="Concurrent"/> when it runs alongside the stages before it.
    /// </summary>
    public sealed record Step(string Stage, string Description, bool Concurrent = false);

    /// <summary>The steps a refresh reports first: discovery, and quoting alongside it.</summary>
    public static IReadOnlyList<Step> RefreshSteps { get; } =
        [new("discover", "Discovering events"), new("quote", "Fetching order books", Concurrent: true)];

    public static Task<T> RunAsync<T>(IAnsiConsole console, IReadOnlyList<Step> steps, Func<IProgress<RefreshProgress>?, Task<T>> work) =>
        !console.Profile.Capabilities.Interactive
            ? work(null)
            : console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var tasks = steps.Select((s, i) => ctx.AddTask(s.Description, autoStart: i == 0).IsIndeterminate()).ToArray();
                    var stages = steps.Select(s => s.Stage).ToList();
                    var progress = new ForwardingProgress<RefreshProgress>(p =>
                    {
                        // Concurrent stages report from several threads.
                        lock (tasks)
                        {
                            Show(p);
                        }
                    });
                    var result = await work(progress);
                    foreach (var task in tasks)
                    {
                        Finish(task);
                    }

                    return result;

                    void Show(RefreshProgress p)
                    {
                        // Reports of a stage already left behind (the last book batches) or unknown change nothing.
                        var stage = stages.IndexOf(p.Stage);
                        if (stage < 0 || tasks[stage].IsFinished)
                        {
                            return;
                        }

                        if (!steps[stage].Concurrent)
                        {
                            for (var i = 0; i < stage; i++)
                            {
                                Finish(tasks[i]);
                            }
                        }

                        var task = tasks[stage];
                        if (!task.IsStarted)
                        {
                            task.StartTask();
                        }

                        if (p.Total is { } total)
                        {
                            task.IsIndeterminate = false;
                            task.MaxValue = Math.Max(1, total);
                            task.Value = p.Done;
                        }
                        else if (p.Done > 0)
                        {
                            task.Description = $"{steps[stage].Description} ({p.Done.ToString("N0", CultureInfo.InvariantCulture)})";
                        }
                    }
                });

    private static void Finish(ProgressTask task)
    {
        if (task.IsFinished)
        {
            return;
        }

        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }
}
