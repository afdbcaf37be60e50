namespace Prescient.Engine.Runs;

/// <summary>The kinds of run the run log keeps; a scheduled job's name is its kind, so catch-up finds its last run.</summary>
public static class RunKinds
{
    /// <summary>The full cycle: refresh, signals, execute (settle, fill, mark), export.</summary>
    public const string Cycle = "cycle";

    /// <summary>The end of day: the daily snapshot, the signals archive, the final export.</summary>
    public const string EndOfDay = "end_of_day";
}
