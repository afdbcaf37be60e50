using System.Globalization;
using Prescient.Host.Hosting;

namespace Prescient.Cli;

/// <summary>Dates given on the command line.</summary>
internal static class CliDates
{
    /// <summary>A <c>YYYY-MM-DD</c> day (1970 or later) given as <paramref name="option"/>, or a one-line settings error naming it.</summary>
    public static DateOnly Day(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1970
            ? day
            : throw new SettingsException($"{option} must be a date as YYYY-MM-DD, not '{text}'.");
}
