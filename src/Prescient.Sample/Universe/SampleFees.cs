namespace Prescient.Sample.Universe;

/// <summary>
/// Which simulated markets take taker fees, and their CLOB base fee. Sports and crypto Up/Down
/// markets charge fees (Gamma <c>feesEnabled</c>), the rest do not. The base fee is what the CLOB
/// reports for every fee-charging market (<c>/fee-rate</c> <c>base_fee</c>, <c>taker_base_fee</c>):
/// 1000 bps, a constant ceiling rather than a per-market rate (Polymarket, py-clob-client-v2 PR #110);
/// 0 for the fee-free ones.
/// </summary>
internal static class SampleFees
{
    /// <summary>The base fee of a fee-charging market, in basis points.</summary>
    public const int ChargedBaseFeeBps = 1000;

    public static bool Charged(EventKind kind) => kind is EventKind.Sports or EventKind.CryptoUpDown;

    /// <summary>The CLOB base fee of every token of a market of this kind, in basis points.</summary>
    public static int BaseFeeBps(EventKind kind) => Charged(kind) ? ChargedBaseFeeBps : 0;
}
