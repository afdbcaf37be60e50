using FsCheck;
using FsCheck.Fluent;
using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Markets;

namespace Prescient.Engine.Tests.Trading;

/// <summary>A buy against a generated book: ask levels on the tick (sizes with 2 or 3 decimals, prices may repeat), a stake, a limit, fees, a minimum size.</summary>
public sealed record BuyCase(OrderBook Book, decimal Stake, decimal Limit, FeeSettings Fees, decimal Tick, decimal? MinOrderSize)
{
    public override string ToString() =>
        $"stake {Stake}, limit {Limit}, tick {Tick}, min {MinOrderSize}, fees {Fees.Rate}/{Fees.Exponent}/{Fees.BaseFeeBps}, asks {string.Join(" ", Book.Asks.Select(l => l.Price + "x" + l.Size))}";
}

/// <summary>A sell of <see cref="Shares"/> into generated bids down to <see cref="MinPrice"/>.</summary>
public sealed record SellCase(OrderBook Book, decimal Shares, decimal MinPrice, FeeSettings Fees, decimal Tick, decimal? MinOrderSize)
{
    public override string ToString() =>
        $"shares {Shares}, min price {MinPrice}, tick {Tick}, min {MinOrderSize}, fees {Fees.Rate}/{Fees.Exponent}/{Fees.BaseFeeBps}, bids {string.Join(" ", Book.Bids.Select(l => l.Price + "x" + l.Size))}";
}

/// <summary>FsCheck generators for books, fees and trading cases.</summary>
public static class TradingArbitraries
{
    private static readonly TokenId Token = TokenId.Create("71321045679252212594626385532706912750332728571942532289631379312455583992563");

    /// <summary>No fees, the sports and crypto schedules, a fractional exponent, and a CLOB base fee in bps beside Gamma's maximum (never charged).</summary>
    public static Gen<FeeSettings> FeeSchedules { get; } = Gen.Elements(
        FeeSettings.None,
        new FeeSettings { Enabled = true, Rate = 0.03m, Exponent = 1m },
        new FeeSettings { Enabled = true, Rate = 0.25m, Exponent = 2m },
        new FeeSettings { Enabled = true, Rate = 0.07m, Exponent = 1.5m },
        new FeeSettings { Enabled = true, TakerBaseFee = 1000m, BaseFeeBps = 150m });

    public static Gen<decimal> Ticks { get; } = Gen.Elements(0.01m, 0.001m, 0.0025m, 0.1m);

    public static Arbitrary<BuyCase> BuyCases() => Arb.From(
        from tick in Ticks
        from asks in Levels(tick)
        from bids in Levels(tick)
        from stakeCents in Gen.Frequency((1, Gen.Choose(1, 1_000)), (3, Gen.Choose(1, 200_000)))
        from limitThousandths in Gen.Choose(0, 1000)
        from fees in FeeSchedules
        from min in Gen.Elements<decimal?>(null, 0m, 5m, 15m)
        select new BuyCase(Book(tick, asks, bids), stakeCents / 100m, limitThousandths / 1000m, fees, tick, min));

    public static Arbitrary<SellCase> SellCases() => Arb.From(
        from tick in Ticks
        from bids in Levels(tick)
        from sharesCents in Gen.Choose(1, 300_000)
        from minThousandths in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, 1000)))
        from fees in FeeSchedules
        from min in Gen.Elements<decimal?>(null, 5m)
        select new SellCase(Book(tick, [], bids), sharesCents / 100m, minThousandths / 1000m, fees, tick, min));

    /// <summary>0 to 8 (price, size) levels with prices on <paramref name="tick"/> strictly inside (0, 1).</summary>
    public static Gen<(decimal Price, decimal Size)[]> Levels(decimal tick)
    {
        var steps = (int)(1m / tick) - 1;
        var level =
            from k in Gen.Choose(1, steps)
            from size in Gen.Frequency((1, Gen.Choose(1, 1_000)), (4, Gen.Choose(1, 300_000)))
            from scale in Gen.Elements(100m, 1000m)
            select (k * tick, size / scale);
        return Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(level, n));
    }

    private static OrderBook Book(decimal tick, (decimal Price, decimal Size)[] asks, (decimal Price, decimal Size)[] bids) =>
        OrderBook.Create(Token, null, bids.Select(l => new BookLevel(l.Price, l.Size)), asks.Select(l => new BookLevel(l.Price, l.Size)))
            with { Timestamp = TradingData.Now, TickSize = tick };
}
