using Prescient.Domain.Ids;
using Prescient.Engine.MarketHistory;

namespace Prescient.Storage.Files.PriceHistory;

/// <summary>One token-month file read whole and checked (<see cref="PriceHistoryFormat"/>).</summary>
internal static class PriceHistoryFile
{
    /// <summary>
    /// Reads <paramref name="path"/> into <paramref name="buffer"/> (a larger array is made when it is too
    /// small: use <see cref="MonthRead.Buffer"/> next time). Missing when there is no file.
    /// </summary>
    public static async Task<MonthRead> ReadAsync(string path, TokenId token, HistoryMonth month, HistoryPoint[] buffer, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new MonthRead(CachedMonthState.Missing, default, buffer, null);
        }

        if (PriceHistoryFormat.ReadHeader(bytes, token, month, out var header) is { } problem)
        {
            return new MonthRead(CachedMonthState.Damaged, default, buffer, problem);
        }

        if (buffer.Length < header.Count)
        {
            buffer = new HistoryPoint[Math.Max(header.Count, buffer.Length * 2)];
        }

        return PriceHistoryFormat.ReadPoints(bytes, header, month, buffer) is { } bad
            ? new MonthRead(CachedMonthState.Damaged, default, buffer, bad)
            : new MonthRead(CachedMonthState.Stored, header, buffer, null);
    }
}

/// <summary>A token-month as read: for a stored one, the first <see cref="PriceHistoryHeader.Count"/> points of <see cref="Buffer"/>.</summary>
internal readonly record struct MonthRead(CachedMonthState State, PriceHistoryHeader Header, HistoryPoint[] Buffer, string? Problem)
{
    public ReadOnlyMemory<HistoryPoint> Points => Buffer.AsMemory(0, Header.Count);
}
