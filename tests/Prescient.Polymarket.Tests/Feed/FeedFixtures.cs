using System.Text;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Feed;

/// <summary>The recorded market-channel frames in <c>fixtures/polymarket/ws/</c>.</summary>
internal static class FeedFixtures
{
    public const string Replay = "ws/ws_public_replay_2026-05.txt";

    public const string Book2024 = "ws/ws_book_real_2024.json";

    public const string FlatPriceChange2024 = "ws/ws_price_change_2024_flat.json";

    public static readonly string[] SingleMessageFiles =
    [
        Book2024,
        FlatPriceChange2024,
        "ws/ws_best_bid_ask.json",
        "ws/ws_last_trade_price.json",
        "ws/ws_market_resolved.json",
        "ws/ws_new_market.json",
        "ws/ws_tick_size_change.json",
    ];

    /// <summary>The replay's frames in recorded order (the file separates frames with <c>;;</c>).</summary>
    public static IReadOnlyList<string> ReplayFrames() =>
        Fixtures.Text(Replay).Split(";;").Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Fixtures.Path(relative));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
