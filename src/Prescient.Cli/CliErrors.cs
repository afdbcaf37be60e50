using System.Text.Json;
using Microsoft.Extensions.Options;
using Prescient.Domain.Positions;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;
using Prescient.Storage.Files;

namespace Prescient.Cli;

/// <summary>The one-line reason printed for a failed command. Expected failures read as sentences; a bug names its type.</summary>
internal static class CliErrors
{
    public static string? Describe(Exception exception) => exception switch
    {
        MissingStateException missing => NextStep.Describe(missing),
        SettingsException or Engine.Storage.StoreUnavailableException or MarketDataUnavailableException or DataFolderLockedException or Engine.Sweeps.SweepInputException => exception.Message,
        OptionsValidationException options => "invalid settings: " + string.Join("; ", options.Failures),
        InvalidDataException or JsonException => exception.Message,
        LedgerInconsistencyException => "the trade ledger does not add up: " + exception.Message,
        IOException io => "file error: " + io.Message,
        UnauthorizedAccessException access => "file error: " + access.Message,
        _ => $"unexpected {exception.GetType().Name}: {exception.Message}",
    };
}
