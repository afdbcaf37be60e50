using System.Globalization;
using Prescient.Domain.Ids;
using Prescient.Domain.Values;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Exports;

/// <summary>
/// Formats one CSV cell. Text is neutralised against spreadsheet formula injection; numbers,
/// booleans and timestamps are written in the invariant culture and are never neutralised (a
/// negative P&amp;L stays <c>-12.5</c>). Null is an empty cell.
/// </summary>
public static class CsvCell
{
    /// <summary>
    /// Text as a spreadsheet will show it: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, tab or carriage return would be run as a formula, so it gets a leading <c>'</c>.
    /// Market titles come from the internet.
    /// </summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) || !IsFormulaTrigger(value[0]) ? value ?? string.Empty : "'" + value;

    /// <summary>An id, as text (token ids are 77-digit strings: never a number, never scientific notation).</summary>
    public static string Id<T>(T? id)
        where T : struct, IStringId<T> =>
        id is { } value ? Text(value.Value) : string.Empty;

    /// <summary>An id, as text.</summary>
    public static string Id<T>(T id)
        where T : struct, IStringId<T> =>
        Text(id.Value);

    /// <summary>A decimal in the invariant culture, at the scale it carries (0.50 stays 0.50).</summary>
    public static string Number(decimal? value) =>
        value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A domain value (<see cref="Price"/>, <see cref="Usdc"/>, <see cref="Shares"/>) as the plain decimal it wraps.</summary>
    public static string Number<T>(T value)
        where T : struct, IDecimalValue<T> => Number(value.Value);

    public static string Number<T>(T? value)
        where T : struct, IDecimalValue<T> => Number(value?.Value);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Bool(bool? value) => value is { } b ? Bool(b) : string.Empty;

    /// <summary>An enum value as the snake_case code the JSON files use (<c>buy_no</c>, <c>best_bid</c>).</summary>
    public static string Code<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>ISO-8601 UTC with <c>Z</c>, as in the JSON files.</summary>
    public static string Timestamp(DateTimeOffset? value) =>
        value is { } t ? UtcDateTimeOffsetConverter.ToText(t) : string.Empty;

    /// <summary>True for the characters that make a spreadsheet treat a cell as a formula.</summary>
    public static bool IsFormulaTrigger(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
