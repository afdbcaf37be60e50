using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Domain.Values;
using Prescient.Engine.Markets;
using Prescient.Engine.Positions;
using Prescient.Engine.Storage;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Positions;

public sealed class PortfolioCheckTests
{
    private readonly PaperAccount _account = new(10_000m);
    private readonly PortfolioSnapshot _stored;

    public PortfolioCheckTests()
    {
        var first = Row();
        var second = Row();
        _account.Buy(BuyNo(first), first, NoBook(first, (0.40m, 1_000m)), Now);
        _account.Buy(BuyNo(second), second, NoBook(second, (0.30m, 1_000m)), Now);
        _account.Settle(first, 1m, Now.AddDays(1));
        var third = Row();
        _account.Buy(BuyNo(third), third, NoBook(third, (0.60m, 1_000m)), Now.AddDays(1));
        var marks = new Dictionary<TokenId, Mark> { [second.NoTokenId!.Value] = new(0.2m, MarkSource.BestBid, Now) };
        _stored = PortfolioValuation.Value(_account.Portfolio, marks, Now.AddDays(1), MarketSourceInfo.Sample);
    }

    [Fact]
    public void Compare_StoredFromTheSameLedger_HasNoDifferences()
    {
        Assert.Empty(PortfolioCheck.Compare(_stored, Portfolio.Replay(Usdc.Create(10_000m), _account.Ledger)));
    }

    [Fact]
    public void Compare_CashOffByOneMicroUsdc_SaysSoWithBothNumbers()
    {
        var tampered = _stored with { Cash = _stored.Cash + 0.000001m };

        var line = Assert.Single(PortfolioCheck.Compare(tampered, _account.Portfolio));

        Assert.Equal($"cash: portfolio.json has {tampered.Cash}, the ledger gives {_account.Portfolio.Cash}", line);
    }

    [Fact]
    public void Compare_EveryLedgerFieldChanged_GivesOneLineEach()
    {
        var position = _stored.Positions[0];
        var tampered = _stored with
        {
            InitialCash = 9_000m,
            RealizedPnl = 1m,
            FeesPaid = 1m,
            TradeCount = 9,
            LastTradeId = TradeId.ForSequence(9),
            Exposure = 1m,
            Positions = [position with { Shares = 1m, CostBasis = 1m, Fees = 1m, AverageEntryPrice = 1m, TokenId = TokenId.Create("9") }, .. _stored.Positions.Skip(1)],
        };

        var lines = PortfolioCheck.Compare(tampered, _account.Portfolio);

        string[] fields = ["initial_cash", "realized_pnl", "fees_paid", "trade_count", "last_trade_id", "exposure", "token_id", "shares", "cost_basis", "fees:", "average_entry_price"];
        Assert.Equal(fields.Length, lines.Count);
        Assert.All(fields, f => Assert.Single(lines, l => l.Contains(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Compare_PositionMissingOrExtra_NamesTheMarket()
    {
        var missing = _stored with { Positions = _stored.Positions.Skip(1).ToArray() };
        var extra = _stored with { Positions = [.. _stored.Positions, _stored.Positions[0] with { MarketId = MarketId.Create("42") }] };

        var missingLine = Assert.Single(PortfolioCheck.Compare(missing, _account.Portfolio));
        var extraLine = Assert.Single(PortfolioCheck.Compare(extra, _account.Portfolio));

        Assert.Contains($"market {_stored.Positions[0].MarketId}", missingLine, StringComparison.Ordinal);
        Assert.Contains("missing from portfolio.json", missingLine, StringComparison.Ordinal);
        Assert.StartsWith("market 42:", extraLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_PositionListedTwice_SaysSo()
    {
        var doubled = _stored with { Positions = [.. _stored.Positions, _stored.Positions[0]] };

        var line = Assert.Single(PortfolioCheck.Compare(doubled, _account.Portfolio));

        Assert.Contains("lists 2 positions", line, StringComparison.Ordinal);
    }
}
