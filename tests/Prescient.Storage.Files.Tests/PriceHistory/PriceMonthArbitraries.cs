using FsCheck;
using FsCheck.Fluent;
using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;

namespace Prescient.Storage.Files.Tests.PriceHistory;

/// <summary>
/// Token-months of 0 to 300 points at distinct times anywhere in a month of 1970–2100, prices in
/// [0, 1] with any decimal scale (0 to 28: most pack into 8 bytes, the finest need the 16-byte form),
/// trailing zeros included.
/// </summary>
public static class PriceMonthArbitraries
{
    private static readonly Gen<decimal> Prices =
        from scale in Gen.Frequency((6, Gen.Choose(0, 6)), (3, Gen.Choose(7, 17)), (1, Gen.Choose(18, 28)))
        from high in Gen.Choose(0, 1_000_000_000)
        from low in Gen.Choose(0, 999_999_999)
        let mantissa = ((high * 1_000_000_000L) + low) % (Pow10(Math.Min(scale, 18)) + 1)
        select new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, (byte)scale);

    public static Arbitrary<PriceMonth> PriceMonths() => Arb.From(
        from year in Gen.Choose(1970, 2100)
        from number in Gen.Choose(1, 12)
        let month = new HistoryMonth(year, number)
        let seconds = (int)(month.End - month.Start).TotalSeconds
        from count in Gen.Choose(0, 300)
        from offsets in Gen.ArrayOf(Gen.Choose(0, seconds - 1), count)
        from prices in Gen.ArrayOf(Prices, count)
        from complete in Gen.Elements(true, false)
        from simulated in Gen.Elements(true, false)
        from fidelity in Gen.Elements(1, 5, 60, 720, 1440)
        from token in Gen.Elements("1", "42", "111128191581505463501777127559667396812474366956707382672202929745167742497287", "abc-DEF_9")
        let times = offsets.Distinct().Order().ToArray()
        select new PriceMonth(
            TokenId.Create(token),
            month,
            fidelity,
            month.Start.AddDays(40),
            complete,
            simulated,
            times.Select((t, i) => new HistoryPoint(month.Start.ToUnixTimeSeconds() + t, prices[i])).ToArray()));

    private static long Pow10(int exponent)
    {
        var value = 1L;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
