using Prescient.Domain.Ids;
using Prescient.Domain.Positions;
using Prescient.Engine.Extraction;
using Prescient.Engine.Positions;
using Prescient.Engine.Trading;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Positions;

/// <summary>Plays a <see cref="LedgerCase"/> through the executor, the walker and the portfolio, as the execute use-case would.</summary>
internal sealed class LedgerRun
{
    /// <summary>Risk limits that bind; the walk may go as deep as the signal's limit and any fill is taken, so the sessions hold many multi-level fills.</summary>
    public static readonly TradingOptions Options = new()
    {
        CashReserve = 100m,
        MaxExposurePerEvent = 2_000m,
        MaxTotalExposure = 5_000m,
        MaxSlippage = 1m,
        MinFillFraction = 0.000001m,
    };

    public LedgerRun(LedgerCase c)
    {
        Account = new PaperAccount(c.InitialCash, Options);
        Rows =
        [
            .. new[] { "1", "1", "2", "3" }.Select(e => Row(e, r => r with
            {
                FeesEnabled = c.Fees.Enabled,
                FeeRate = c.Fees.Rate,
                FeeExponent = c.Fees.Exponent,
                TakerBaseFee = c.Fees.TakerBaseFee,
            })),
        ];
        var now = Now;
        foreach (var op in c.Ops)
        {
            now = now.AddMinutes(op.Minutes);
            var row = Rows[op.Market];
            var token = row.NoTokenId!.Value;
            var held = Account.Portfolio.PositionIn(row.MarketId);
            switch (op.Kind)
            {
                case LedgerOpKind.Buy:
                    Account.Buy(BuyNo(row, op.Stake, 0.99m, Today.AddDays(op.Day)), row, Book(token, now, op.Levels), now, c.Fees);
                    break;
                case LedgerOpKind.Sell when held is not null:
                    var bids = Book(token, now, [], op.Levels);
                    var shares = op.Percent == 100 ? held.Shares.Value : Math.Max(0.01m, Math.Floor(held.Shares.Value * op.Percent) / 100m);
                    Account.Sell(row, bids, shares, now, c.Fees);
                    if (PortfolioValuation.MarkFrom(bids) is { } mark)
                    {
                        Marks[token] = mark;
                    }

                    break;
                case LedgerOpKind.Settle when held is not null:
                    Account.Settle(row, op.Payout, now);
                    break;
                default:
                    break;
            }
        }

        End = now;
    }

    public PaperAccount Account { get; }

    public MarketRow[] Rows { get; }

    /// <summary>The last bid seen per token (from sell books), for valuing.</summary>
    public Dictionary<TokenId, Mark> Marks { get; } = [];

    public DateTimeOffset End { get; }
}
