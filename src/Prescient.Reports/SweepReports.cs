using Prescient.Engine.Sweeps;
using Prescient.Storage.Files.Backtests;
using Prescient.Storage.Files.IO;

namespace Prescient.Reports;

/// <summary>A sweep's files: the CSV and JSON of <see cref="SweepFiles"/>, and <c>…_heatmap.png</c> beside them (<see cref="SweepHeatmap"/>), each replaced atomically.</summary>
public sealed class SweepReports(SweepFiles files) : ISweepReports
{
    public async Task<IReadOnlyList<string>> WriteAsync(SweepResult result, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = await files.WriteAsync(result, generatedAt, cancellationToken).ConfigureAwait(false);
        var png = SweepHeatmap.Draw(result);
        var path = files.Stem(result) + "_heatmap.png";
        await AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync(png, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        return [.. written, path];
    }
}
