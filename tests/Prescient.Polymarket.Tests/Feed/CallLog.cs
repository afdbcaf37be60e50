using System.Globalization;
using Prescient.Polymarket.Feed;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>
/// Every handler call as one line of text, in call order: decimals keep their scale ("0.50" is not
/// "0.5") and timestamps their milliseconds, so two parsers agree only if they handed on the same thing.
/// </summary>
internal sealed class CallLog : IMarketFrameHandler
{
    public List<string> Calls { get; } = [];

    public void OnBook(in BookSnapshot book, ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks) =>
        Add($"book {book} {Ms(book.Timestamp)} bids [{string.Join(' ', bids.ToArray())}] asks [{string.Join(' ', asks.ToArray())}]");

    public void OnPriceChange(in PriceChange change) => Add($"change {change} {Ms(change.Timestamp)}");

    public void OnTickSizeChange(in TickSizeChange change) => Add($"tick {change} {Ms(change.Timestamp)}");

    public void OnLastTrade(in LastTrade trade) => Add($"trade {trade} {Ms(trade.Timestamp)}");

    public void OnTopOfBook(in TopOfBook top) => Add($"top {top} {Ms(top.Timestamp)}");

    public void OnNewMarket(NewMarket market) => Add($"new {market} [{string.Join(' ', market.TokenIds)}] [{string.Join(' ', market.Outcomes)}]");

    public void OnMarketResolved(MarketResolved resolved) => Add($"resolved {resolved} [{string.Join(' ', resolved.TokenIds)}]");

    private static long? Ms(DateTimeOffset? timestamp) => timestamp?.ToUnixTimeMilliseconds();

    private void Add(FormattableString line) => Calls.Add(line.ToString(CultureInfo.InvariantCulture));
}
