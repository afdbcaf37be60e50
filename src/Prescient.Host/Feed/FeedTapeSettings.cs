using Microsoft.Extensions.Configuration;

namespace Prescient.Host.Feed;

/// <summary>
/// Recording the live feed as a tape: <c>Feed:Record</c> (default false) turns it on, the day files go
/// to the data folder's <c>feed/</c>, and <c>Feed:RecordBuffer</c> (frames, 1–1,000,000, default 10,000)
/// is how many received frames may wait for the writer before new ones are dropped.
/// </summary>
public sealed record FeedTapeSettings(string Folder, int Buffer)
{
    public const int DefaultBuffer = 10_000;

    /// <summary>The settings when <c>Feed:Record</c> is on, else null; a buffer out of range stops the start with the valid range.</summary>
    public static FeedTapeSettings? From(IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue("Feed:Record", false))
        {
            return null;
        }

        var buffer = configuration.GetValue("Feed:RecordBuffer", DefaultBuffer);
        if (buffer is < 1 or > 1_000_000)
        {
            throw new InvalidOperationException($"Feed:RecordBuffer must be between 1 and 1000000 frames, not {buffer}.");
        }

        return new FeedTapeSettings(Path.Combine(dataDirectory, "feed"), buffer);
    }
}
