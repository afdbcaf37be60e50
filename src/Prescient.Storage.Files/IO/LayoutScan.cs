namespace Prescient.Storage.Files.IO;

/// <summary>What <see cref="ArrayLayout.ScanAsync"/> found in a file.</summary>
internal enum LayoutState
{
    /// <summary>Exactly the layout: <c>[</c>, one record per line, <c>]</c>, final newline.</summary>
    Valid,

    /// <summary>The layout up to the end of a complete record, then the remains of an interrupted append.</summary>
    Torn,

    /// <summary>Something else: a line in the middle that is not a record, or another formatting.</summary>
    NotLayout,
}

/// <summary>
/// The result of scanning an append-only array file. <see cref="Count"/> complete records end at
/// <see cref="KeepEnd"/> (the offset just after the last record's closing brace; 1 after a lone
/// <c>[</c>; 0 when not even that is sound). <see cref="Line"/> and <see cref="Reason"/> say where
/// and why the layout stopped (1-based line; 0 when valid).
/// </summary>
internal sealed record LayoutScan(LayoutState State, int Count, long KeepEnd, long Length, int Line, string Reason);
