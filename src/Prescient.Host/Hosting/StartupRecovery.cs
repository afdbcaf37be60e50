using Microsoft.Extensions.Logging;
using Prescient.Engine.Positions;
using Prescient.Engine.Storage;

namespace Prescient.Host.Hosting;

/// <summary>
/// The first step of every command that opens the data folder and of <c>serve</c>: brings a
/// <c>portfolio.json</c> left behind the ledger by an interrupted run up to date (logged by
/// <see cref="PortfolioRecovery"/>; <c>prescient check</c> reports it). A portfolio that matches no
/// point of the ledger, or a file that cannot be read, is logged as an error and left as it is: the
/// ledger stays the truth, and <c>prescient check</c> is where the differences are shown. A folder
/// with neither file has nothing to recover and gets none (reading the ledger would create it), and
/// a portfolio the ledger checkpoint vouches for (written over the ledger as it stands) needs no
/// replay: a command that only reads starts in the same time whatever the ledger's size. A store that
/// cannot be used at all (a database not reached or not migrated) stops the command here, in one line.
/// </summary>
internal sealed partial class StartupRecovery(PortfolioRecovery recovery, IStoreStartup store, ILogger<StartupRecovery> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!await store.HasTradingStateAsync(cancellationToken))
        {
            return;
        }

        try
        {
            var result = await recovery.RecoverUnlessCurrentAsync(cancellationToken);
            if (result is null)
            {
                // The checkpoint vouches for portfolio.json: nothing to replay.
                return;
            }

            if (result.Rebuilt is null)
            {
                LogLedgerDoesNotAddUp(logger, result.Differences[0]);
            }
            else if (!result.IsConsistent)
            {
                LogMismatch(logger, result.Differences.Count, result.LedgerRecords, result.Differences[0]);
            }
        }
        catch (InvalidDataException e)
        {
            // A command that does not need the file still runs; one that does fails on it with its own message.
            LogUnreadable(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "trades/portfolio.json does not match the ledger ({Count} differences in {Records} records; first: {First}); left as it is: the ledger stays the truth, `prescient check` lists every difference")]
    private static partial void LogMismatch(ILogger logger, int count, int records, string first);

    [LoggerMessage(Level = LogLevel.Error, Message = "The trade ledger does not add up ({Problem}); trades/portfolio.json is left as it is")]
    private static partial void LogLedgerDoesNotAddUp(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The trading state could not be checked against the ledger: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string problem);
}
