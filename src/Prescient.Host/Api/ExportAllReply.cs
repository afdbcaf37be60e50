using Prescient.Engine.Exports;
using Prescient.Host.Hosting;

namespace Prescient.Host.Api;

/// <summary>The reply of <c>POST /trading/export-all-csv</c>: the files written, and for each CSV skipped (by name) why, with the step to run first.</summary>
internal sealed record ExportAllReply(IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> Skipped)
{
    public static ExportAllReply From(ExportAllResult result) =>
        new(result.Files, result.Skipped.ToDictionary(s => s.Key, s => NextStep.Describe(s.Value), StringComparer.Ordinal));
}
