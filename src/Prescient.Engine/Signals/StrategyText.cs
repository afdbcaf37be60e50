using System.Globalization;
using Prescient.Domain.Signals;

namespace Prescient.Engine.Signals;

/// <summary>The snake_case codes and invariant number formats the strategy writes into signals, settings and reasons.</summary>
internal static class StrategyText
{
    public static string Code(SignalAction action) => action == SignalAction.BuyYes ? "buy_yes" : "buy_no";

    public static string Code(MarketSelectionRule rule) => rule switch
    {
        MarketSelectionRule.HighestVolume => "highest_volume",
        MarketSelectionRule.HighestVolume24h => "highest_volume_24h",
        MarketSelectionRule.SoonestEnd => "soonest_end",
        _ => "highest_liquidity",
    };

    public static string Code(YesPriceSource source) => source switch
    {
        YesPriceSource.LastTrade => "last_trade",
        YesPriceSource.BestBid => "best_bid",
        _ => "mid",
    };

    /// <summary>A price in [0, 1] with at least two decimals: 0.50, 0.615.</summary>
    public static string Price(decimal value) => Fixed(value, 2, 10) ?? value.ToString("0.00########", CultureInfo.InvariantCulture);

    /// <summary>An amount of USDC with at most two decimals: 1234.5.</summary>
    public static string Usdc(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A number as configured: 0.50 stays 0.50, 100 stays 100.</summary>
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// What the invariant custom format "0.00…#…" with <paramref name="min"/> zeros and <paramref name="max"/> places in all gives,
    /// without parsing the format each call: the value's own digits, trailing zeros dropped down to <paramref name="min"/> places
    /// (and the point when none is left). Only for a value above zero with at most <paramref name="max"/> places (nothing to
    /// round); null otherwise, for the caller to format. The signals and rejections of a backtest format a few per decision.
    /// </summary>
    public static string? Fixed(decimal value, int min, int max)
    {
        if (value <= 0m || value.Scale > max)
        {
            return null;
        }

        Span<char> text = stackalloc char[64];
        if (!value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture))
        {
            return null;
        }

        var point = text[..length].IndexOf('.');
        if (point < 0)
        {
            point = length;
            text[length++] = '.';
        }

        while (length > point + 1 + min && text[length - 1] == '0')
        {
            length--;
        }

        while (length < point + 1 + min)
        {
            text[length++] = '0';
        }

        return new string(text[..(length == point + 1 ? point : length)]);
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
