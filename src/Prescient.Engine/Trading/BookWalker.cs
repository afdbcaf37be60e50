using Prescient.Domain.Books;
using Prescient.Domain.Markets;
using Prescient.Domain.Trading;

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
    public static FillAttempt Buy(OrderBook book, decimal stake, decimal limitPrice, FeeSettings fees, decimal? tickSize, decimal? minOrderSize)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stake);
        RequirePrice(limitPrice);
        RequireSizes(tickSize, minOrderSize);
        if (book.Asks.Count == 0)
        {
            return FillAttempt.Rejected(RejectionReason.NoBook, RejectionDetails.NoAsks(book.TokenId));
        }

        var limit = tickSize is { } tick ? Math.Floor(limitPrice / tick) * tick : limitPrice;
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

            var feePerShare = FeeModel.PerShare(fees, level.Price);
            var available = FloorToUnit(level.Size);
            var unitCost = level.Price + feePerShare;
            var take = unitCost == 0m
                ? available
                : Math.Min(available, FloorToUnit((stake - cost - exactFees) / unitCost));

            // The fee is rounded up on the total, which can push the last unit over the stake.
            while (take > 0m && cost + (take * level.Price) + FeeModel.RoundUp(exactFees + (take * feePerShare)) > stake)
            {
                take -= ShareUnit;
            }

            if (take > 0m)
            {
                levels.Add(new FillLevel(level.Price, take));
                cost += take * level.Price;
                exactFees += take * feePerShare;
            }

            if (take < available)
            {
                budgetBound = true;
                break;
            }
        }

        var shares = levels.Sum(l => l.Shares);
        if (shares == 0m || shares < minOrderSize)
        {
            return FillAttempt.Rejected(
                RejectionReason.BelowMinimumOrderSize,
                RejectionDetails.BuyTooSmall(stake, shares, minOrderSize, limit, bookBound: !budgetBound));
        }

        var average = Math.Round(cost / shares, 6);
        return FillAttempt.Filled(new Fill(shares, average, cost, FeeModel.TakerFee(fees, levels), best, average - best, levels, book.Timestamp));
    }

    /// <summary>
    /// Sells up to <paramref name="shares"/> at prices down to <paramref name="minPrice"/> rounded up to
    /// <paramref name="tickSize"/>; a thin book gives a partial fill. Rejected when the book has no bids,
    /// the best bid is below the floor, or fewer than <paramref name="minOrderSize"/> shares would sell.
    /// </summary>
    public static FillAttempt Sell(OrderBook book, decimal shares, decimal minPrice, FeeSettings fees, decimal? tickSize, decimal? minOrderSize)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shares);
        RequirePrice(minPrice);
        RequireSizes(tickSize, minOrderSize);
        if (book.Bids.Count == 0)
        {
            return FillAttempt.Rejected(RejectionReason.NoBook, RejectionDetails.NoBids(book.TokenId));
        }

        var floor = tickSize is { } tick ? Math.Ceiling(minPrice / tick) * tick : minPrice;
        var best = book.Bids[0].Price;
        if (best < floor)
        {
            return FillAttempt.Rejected(RejectionReason.PriceBelowMinimum, RejectionDetails.BelowFloor(best, floor));
        }

        var levels = new List<FillLevel>();
        var remaining = shares;
        foreach (var level in book.Bids)
        {
            if (level.Price < floor || remaining == 0m)
            {
                break;
            }

            var take = Math.Min(remaining, FloorToUnit(level.Size));
            if (take > 0m)
            {
                levels.Add(new FillLevel(level.Price, take));
                remaining -= take;
            }
        }

        var sold = shares - remaining;
        if (sold == 0m || sold < minOrderSize)
        {
            return FillAttempt.Rejected(RejectionReason.BelowMinimumOrderSize, RejectionDetails.SellTooSmall(sold, minOrderSize, floor));
        }

        var proceeds = levels.Sum(l => l.Price * l.Shares);
        var average = Math.Round(proceeds / sold, 6);
        return FillAttempt.Filled(new Fill(sold, average, proceeds, FeeModel.TakerFee(fees, levels), best, best - average, levels, book.Timestamp));
    }

    private static decimal FloorToUnit(decimal shares) => Math.Floor(shares / ShareUnit) * ShareUnit;

    private static void RequirePrice(decimal price)
    {
        if (price is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A limit price must be between 0 and 1 inclusive (USDC per share).");
        }
    }

    private static void RequireSizes(decimal? tickSize, decimal? minOrderSize)
    {
        if (tickSize is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "A tick size must be more than 0 (USDC).");
        }

        if (minOrderSize is < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(minOrderSize), minOrderSize, "A minimum order size must be 0 or more (shares).");
        }
    }
}
