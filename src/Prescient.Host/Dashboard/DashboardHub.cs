using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;

namespace Prescient.Host.Dashboard;

/// <summary>
/// <c>/hubs/dashboard</c>: the dashboard's live channel, server to client only. It has no methods a
/// client can call; <see cref="DashboardNotifier"/> pushes <see cref="DashboardMessages"/> to every page.
/// </summary>
public sealed class DashboardHub : Hub
{
    public const string Path = "/hubs/dashboard";
}

/// <summary>The messages the hub pushes, and what each carries.</summary>
public static class DashboardMessages
{
    /// <summary>Stored state changed (<see cref="DashboardChange"/>): the page reads the snapshot again.</summary>
    public const string Changed = "changed";

    /// <summary>A run started (<see cref="Engine.Runs.RunStarted"/>): the run buttons disable.</summary>
    public const string RunStarted = "runStarted";

    /// <summary>A run ended (<see cref="Engine.Runs.RunFinished"/>): its result shows and the buttons enable.</summary>
    public const string RunFinished = "runFinished";
}

/// <summary>What changed (<see cref="DashboardTopics"/>) and what changed it: a request ("POST /markets/refresh") or a run ("cycle (schedule)").</summary>
public sealed record DashboardChange(IReadOnlyList<string> Topics, string Cause);

/// <summary>The parts of the stored state a change can touch.</summary>
public static class DashboardTopics
{
    public const string Events = "events";
    public const string Markets = "markets";
    public const string Quotes = "quotes";
    public const string Signals = "signals";
    public const string Trades = "trades";
    public const string Positions = "positions";
    public const string Portfolio = "portfolio";
    public const string History = "history";
    public const string Runs = "runs";

    /// <summary>What a run of <paramref name="kind"/> can change: a cycle touches everything, an end of day the positions, portfolio and history.</summary>
    public static IReadOnlyList<string> OfRun(string kind) => kind == Engine.Runs.RunKinds.EndOfDay
        ? [Trades, Positions, Portfolio, Signals, History, Runs]
        : [Events, Markets, Quotes, Signals, Trades, Positions, Portfolio, Runs];
}

/// <summary>
/// Endpoint metadata: what a successful request to the endpoint changes, told to the pages by
/// <see cref="DashboardApi.UseDashboardNotifications"/>. Runs (cycle, end of day) are told by their own messages.
/// </summary>
public sealed record DashboardChanges(IReadOnlyList<string> Topics);

public static class DashboardChangesExtensions
{
    /// <summary>Marks an endpoint as changing <paramref name="topics"/> (<see cref="DashboardTopics"/>).</summary>
    public static TBuilder Changes<TBuilder>(this TBuilder builder, params string[] topics)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DashboardChanges(topics));
}
