using Prescient.Engine.Storage;

namespace Prescient.Storage.Files;

/// <summary>The data folder holds trading state when it has a ledger or a portfolio; checking creates nothing.</summary>
internal sealed class FileStoreStartup(DataFolder folder) : IStoreStartup
{
    public Task<bool> HasTradingStateAsync(CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(folder.PaperTrades) || File.Exists(folder.Portfolio));
}
