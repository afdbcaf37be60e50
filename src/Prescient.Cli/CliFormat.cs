using System.Globalization;
using Prescient.Engine.Markets;

namespace Prescient.Cli;

/// <summary>How numbers and labels look in terminal tables: invariant culture, USDC to the cent, prices to 4 places.</summary>
internal static class CliFormat
{
    public static string Usdc(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Price(decimal? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "—";

    public static string Shares(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A snake_case code as the files write it (<c>stale_book</c>).</summary>
    public static string Code<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Text cut to <paramref name="width"/> characters with an ellipsis, for table cells.</summary>
    public static string Clip(string? text, int width = 48) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>A table title saying whether the data is simulated.</summary>
    public static string Title(string what, MarketSourceInfo source) =>
        source.IsSimulated ? $"{what} — [yellow]SIMULATED sample market[/]" : $"{what} — live Polymarket";
}
