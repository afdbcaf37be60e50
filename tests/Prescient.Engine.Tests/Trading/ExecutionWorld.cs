using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Prescient.Domain.Books;
using Prescient.Domain.Signals;
using Prescient.Engine.Calendar;
using Prescient.Engine.Exits;
using Prescient.Engine.Extraction;
using Prescient.Engine.Markets;
using Prescient.Engine.Settlement;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Testing.Fakes;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

/// <summary>An <see cref="ExecutionService"/> over fakes on a fake clock at <see cref="TradingData.Now"/>, with default trading options: the setup of the execution tests.</summary>
internal sealed class ExecutionWorld : IDisposable
{
    /// <param name="exits">The exit rules; null for a service built without an exit executor, as before exits existed.</param>
    public ExecutionWorld(ExitOptions? exits = null)
    {
        var options = Options.Create(new TradingOptions());
        var exitExecutor = exits is null ? null : new ExitExecutor(Options.Create(exits), options, TradingCalendar.Utc);
        Service = new ExecutionService(
            Source, MarketData, Trading, MarketData, Executor(options.Value), new SettlementService(Source, Time, NullLogger<SettlementService>.Instance), options, Gate, Time, NullLogger<ExecutionService>.Instance, exits: exitExecutor);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public FakeMarketSource Source { get; } = new();

    public InMemoryMarketDataStore MarketData { get; } = new();

    public InMemoryTradingStore Trading { get; } = new();

    public UseCaseGate Gate { get; } = new();

    public ExecutionService Service { get; }

    /// <summary>The exchange's books for both tokens of <paramref name="row"/>: <paramref name="noBook"/> and its mirror for YES.</summary>
    public void GivenBooks(OrderBook noBook, MarketRow row)
    {
        Source.Books[noBook.TokenId] = noBook;
        Source.Books[row.YesTokenId!.Value] = Mirror(noBook, row.YesTokenId!.Value);
    }

    /// <summary>The extracted markets and the current signals, as a refresh and a signal run at <see cref="TradingData.Now"/> left them.</summary>
    public void Given(MarketRow[] markets, params Signal[] signals)
    {
        MarketData.Markets = new MarketsSnapshot(Now, MarketSourceInfo.Sample, markets);
        Trading.Signals = new SignalsSnapshot(Now, MarketSourceInfo.Sample, "threshold", new Dictionary<string, string>(), signals, []);
    }

    public void Dispose() => Gate.Dispose();
}
