namespace Prescient.Storage.Files.Exports;

/// <summary>One column of a typed CSV export: its header and how a row's cell is formatted (see <see cref="CsvCell"/>).</summary>
public sealed record CsvColumn<T>(string Name, Func<T, string> Cell);
