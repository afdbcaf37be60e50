using Prescient.Host.Dashboard;
using Prescient.Storage.Postgres;
using Prescient.Testing.Builders;
using Prescient.Testing.Postgres;

namespace Prescient.Host.Tests.Dashboard;

/// <summary>
/// <c>serve --store postgres</c> follows trades made by other processes (workers): each append the
/// database announces reaches the dashboard's pages, a burst of them as one change, against the real
/// PostgreSQL of <c>scripts/services</c> and a real SignalR client.
/// </summary>
public sealed class LedgerFollowerTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;
    private ApiFixture _api = null!;
    private HubListener _hub = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresDatabase.CreateAsync();
        _api = await ApiFixture.StartAsync(new Dictionary<string, string?> { ["Store"] = "postgres", ["Postgres:ConnectionString"] = _db.ConnectionString });
        _hub = await HubListener.ConnectAsync(_api.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task TradesAppendedByAnotherProcess_ReachThePages_AsAChangeOfTradesPositionsAndPortfolio()
    {
        // What a worker elsewhere does: append to the shared ledger, not through this server.
        var ledger = new PostgresTradeLedger(_db.Source);
        foreach (var trade in ReplayableLedger.Create(5))
        {
            await ledger.AppendAsync(trade, CancellationToken.None);
        }

        await _hub.WaitForChangeAsync(LedgerFollower.Cause, _api.DataDirectory);
        var trades = await _api.GetJsonAsync("/paper-trading/trades");

        Assert.Contains("1000004", trades.ToJsonString(), StringComparison.Ordinal);
    }
}
