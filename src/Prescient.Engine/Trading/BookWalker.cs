using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Trading;
using Prescient.Domain.Values;

namespace Prescient.Engine.Trading;

/// <summary>
/// The paper fill model: a marketable order walks one side of the real book, best price first,
/// and takes shares in whole 0.01-share units (the CLOB's size precision). Nothing is ever filled
/// better than the book, beyond a level's size, or past the limit; a buy never spends more than
/// its stake, fees included. Expected refusals come back as rejections, never exceptions.
/// </summary>
public static class BookWalker
{
    /// <summary>The smallest share quantity the CLOB trades (2 decimals).</summary>
    public const decimal ShareUnit = 0.01m;

    /// <summary>
    /// Buys with at most <paramref name="stake"/> USDC (cost + taker fee) at prices up to
    /// <paramref name="limitPrice"/> rounded down to <paramref name="tickSize"/>; rejected when the
    /// book has no asks, the best ask is above the limit, or the shares bought would be fewer than
    /// <paramref name="minOrderSize"/> (or than one unit).
    /// </summary>
    public static FillAttempt Buy(OrderBook book, Usdc stake, Price limitPrice, FeeSettings fees, Price? tickSize, Shares? minOrderSize)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(fees);
        if (stake <= Usdc.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(stake), stake.Value, "A stake must be more than 0 USDC.");
        }

        RequireTick(tickSize);
        if (book.Asks.Count == 0)
        {
            return FillAttempt.Rejected(RejectionReason.NoBook, RejectionDetails.NoAsks(book.TokenId));
        }

        var limit = tickSize is { } tick ? Math.Floor(limitPrice.Value / tick.Value) * tick.Value : limitPrice.Value;
        var budget = stake.Value;
        var best = book.Asks[0].Price;
        if (best > limit)
        {
            return FillAttempt.Rejected(RejectionReason.PriceAboveMaximum, RejectionDetails.AboveLimit(best, limit));
        }

        var levels = new List<FillLevel>();
        decimal cost = 0m, exactFees = 0m;
        var budgetBound = false;
        foreach (var level in book.Asks)
        {
            if (level.Price > limit)
            {
                break;
            }

            var price = Price.Create(level.Price);
            var feePerShare = FeeModel.PerShare(fees, price);
            var available = FloorToUnit(level.Size);
            var unitCost = level.Price + feePerShare;
            var take = unitCost == 0m
                ? available
                : Math.Min(available, FloorToUnit((budget - cost - exactFees) / unitCost));

            // The fee is rounded up on the total, which can push the last unit over the stake.
            while (take > 0m && cost + (take * level.Price) + FeeModel.RoundUp(exactFees + (take * feePerShare)) > budget)
            {
                take -= ShareUnit;
            }

            if (take > 0m)
            {
                levels.Add(new FillLevel(price, Shares.Create(take)));
                cost += take * level.Price;
                exactFees += take * feePerShare;
            }

            if (take < available)
            {
                budgetBound = true;
                break;
            }
        }

        var shares = levels.Sum(l => l.Shares.Value);
        if (shares == 0m || shares < minOrderSize?.Value)
        {
            return FillAttempt.Rejected(
                RejectionReason.BelowMinimumOrderSize,
                RejectionDetails.BuyTooSmall(budget, shares, minOrderSize?.Value, limit, bookBound: !budgetBound));
        }

        return FillAttempt.Filled(Filled(shares, cost, best, buy: true, fees, levels, book.Timestamp));
    }

    /// <summary>
    /// Sells up to <paramref name="shares"/> at prices down to <paramref name="minPrice"/> rounded up to
    /// <paramref name="tickSize"/>; a thin book gives a partial fill. Rejected when the book has no bids,
    /// the best bid is below the floor, or fewer than <paramref name="minOrderSize"/> shares would sell.
    /// </summary>
    public static FillAttempt Sell(OrderBook book, Shares shares, Price minPrice, FeeSettings fees, Price? tickSize, Shares? minOrderSize)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(fees);
        if (shares == Shares.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(shares), shares.Value, "A sell must be of more than 0 shares.");
        }

        RequireTick(tickSize);
        if (book.Bids.Count == 0)
        {
            return FillAttempt.Rejected(RejectionReason.NoBook, RejectionDetails.NoBids(book.TokenId));
        }

        var floor = tickSize is { } tick ? Math.Ceiling(minPrice.Value / tick.Value) * tick.Value : minPrice.Value;
        var best = book.Bids[0].Price;
        if (best < floor)
        {
            return FillAttempt.Rejected(RejectionReason.PriceBelowMinimum, RejectionDetails.BelowFloor(best, floor));
        }

        var levels = new List<FillLevel>();
        var remaining = shares.Value;
        foreach (var level in book.Bids)
        {
            if (level.Price < floor || remaining == 0m)
            {
                break;
            }

            var take = Math.Min(remaining, FloorToUnit(level.Size));
            if (take > 0m)
            {
                levels.Add(new FillLevel(Price.Create(level.Price), Shares.Create(take)));
                remaining -= take;
            }
        }

        var sold = shares.Value - remaining;
        if (sold == 0m || sold < minOrderSize?.Value)
        {
            return FillAttempt.Rejected(RejectionReason.BelowMinimumOrderSize, RejectionDetails.SellTooSmall(sold, minOrderSize?.Value, floor));
        }

        var proceeds = levels.Sum(l => l.Price.Value * l.Shares.Value);
        return FillAttempt.Filled(Filled(sold, proceeds, best, buy: false, fees, levels, book.Timestamp));
    }

    /// <summary>The fill of <paramref name="levels"/>: average = cost / shares to 6 places, slippage against <paramref name="best"/> on the side walked.</summary>
    private static Fill Filled(decimal shares, decimal cost, decimal best, bool buy, FeeSettings fees, List<FillLevel> levels, DateTimeOffset? at)
    {
        var average = Math.Round(cost / shares, 6);
        var slippage = buy ? average - best : best - average;
        return new Fill(Shares.Create(shares), Price.Create(average), Usdc.Create(cost), FeeModel.TakerFee(fees, levels), Price.Create(best), Usdc.Create(slippage), levels, at);
    }

    private static decimal FloorToUnit(decimal shares) => Math.Floor(shares / ShareUnit) * ShareUnit;

    private static void RequireTick(Price? tickSize)
    {
        if (tickSize == Price.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(tickSize), 0m, "A tick size must be more than 0 (USDC).");
        }
    }
}
