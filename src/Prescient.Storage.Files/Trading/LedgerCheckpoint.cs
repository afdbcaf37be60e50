using System.Security.Cryptography;
using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Storage.Files.IO;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Trading;

/// <summary>
/// <c>trades/ledger_checkpoint.json</c>: the ledger as <c>portfolio.json</c> was last written over it
/// (its length in bytes, its record count, the SHA-256 of its last record) and the SHA-256 of that
/// <c>portfolio.json</c>. While all of them still hold, the portfolio is the replay of the whole
/// ledger and the record count is known, so a command that only shows them (<c>status</c>,
/// <c>positions</c>, <c>trades</c>) reads neither the ledger nor more of it than it shows.
/// </summary>
/// <remarks>
/// Derived and disposable: it is rewritten (atomically, not flushed to disk) after every portfolio write. Anything that
/// does not match — a run killed between an append and the portfolio's rewrite, a hand edit of
/// either file, a missing or unreadable checkpoint — only sends the reader back to replaying the
/// whole ledger, as it did before the checkpoint existed. <c>prescient check</c> always replays.
/// An edit in the middle of the ledger that keeps its length and its last record is found by
/// <c>check</c>, not by the checkpoint.
/// </remarks>
internal sealed record LedgerCheckpoint(long LedgerBytes, int LedgerRecords, string LastRecordSha256, string PortfolioSha256)
{
    /// <summary>
    /// Writes the checkpoint of the portfolio file just written with <paramref name="portfolio"/> (its bytes) over the ledger at
    /// <paramref name="ledgerPath"/> as they are now, when the ledger ends with the record the
    /// portfolio names as its last (<paramref name="lastTradeId"/>, <paramref name="tradeCount"/>);
    /// otherwise removes any checkpoint, so that nothing vouches for a portfolio the ledger does not end at.
    /// </summary>
    public static void Write(string path, string ledgerPath, ReadOnlySpan<byte> portfolio, int tradeCount, TradeId? lastTradeId)
    {
        var tail = LayoutTail.Read(ledgerPath, 1);
        var checkpoint = tail is not null && EndsAt(tail, tradeCount, lastTradeId)
            ? new LedgerCheckpoint(tail.Length, tradeCount, Hash(tail), Convert.ToHexStringLower(SHA256.HashData(portfolio)))
            : null;
        if (checkpoint is null)
        {
            File.Delete(path);
            return;
        }

        // Replaced whole but not flushed to disk: after a power cut it is the last one written (which
        // vouches only for the files it was written with), or unreadable; either way, one replay.
        AtomicFile.WriteAllBytes(path, [.. JsonSerializer.SerializeToUtf8Bytes(checkpoint, PrescientJson.Options.TypeInfo<LedgerCheckpoint>()), (byte)'\n'], durable: false);
    }

    /// <summary>The checkpoint, or null when there is none or it cannot be read (the caller replays).</summary>
    public static async Task<LedgerCheckpoint?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonFile.ReadAsync<LedgerCheckpoint>(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the ledger still ends as it did: the same length and the same last record.</summary>
    public bool Matches(LayoutTail? ledger) =>
        ledger is not null && ledger.Length == LedgerBytes && Hash(ledger) == LastRecordSha256;

    /// <summary>Whether <paramref name="portfolioPath"/> is, byte for byte, the file this checkpoint was written with.</summary>
    public async Task<bool> MatchesPortfolioAsync(string portfolioPath, CancellationToken cancellationToken)
    {
        try
        {
            return await HashFileAsync(portfolioPath, cancellationToken).ConfigureAwait(false) == PortfolioSha256;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private static bool EndsAt(LayoutTail tail, int tradeCount, TradeId? lastTradeId)
    {
        if (tail.Records.Count == 0)
        {
            return tradeCount == 0 && lastTradeId is null;
        }

        try
        {
            using var last = JsonDocument.Parse(tail.Records[^1]);
            return tradeCount >= 1
                && last.RootElement.TryGetProperty("trade_id", out var id)
                && lastTradeId is { } expected
                && id.ValueEquals(expected.Value)
                && expected == TradeId.ForSequence(tradeCount);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Hash(LayoutTail tail) => tail.Records.Count == 0 ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(tail.Records[^1]));

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)));
}
