using System.Text.Json;
using Prescient.Domain.Ids;

namespace Prescient.Polymarket.Feed;

/// <summary>
/// Reads market-channel frames (POLYMARKET-API.md section 3) with one forward pass of a
/// <see cref="Utf8JsonReader"/> and hands each message to an <see cref="IMarketFrameHandler"/>.
/// A frame is one message object, or a JSON array of them (the initial dump), or the text
/// <c>PONG</c>. Unknown <c>event_type</c>s (and frames of other channels) are skipped and counted;
/// a frame that cannot be read is a <see cref="FrameOutcome.Malformed"/> result, never an exception.
/// A message is handed on only once it has been read whole and checked, so a bad message changes nothing.
/// Not thread-safe: one parser per receive loop (it reuses its buffers and remembers ids).
/// </summary>
public sealed partial class MarketFrameParser
{
    private readonly IdTable<TokenId> _tokens = new();
    private readonly IdTable<ConditionId> _markets = new();
    private readonly FrameFields _fields = new();

    /// <summary>
    /// Whether single <c>price_change</c> frames of the common shape take the fast path
    /// (MarketFrameParser.Fast.cs); off only to measure or test the general path alone.
    /// </summary>
    internal bool FastPath { get; init; } = true;

    /// <summary>Parses one whole text frame.</summary>
    public FrameResult Parse(ReadOnlySpan<byte> frame, IMarketFrameHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var text = frame.Trim(" \t\r\n"u8);
        if (text.SequenceEqual("PONG"u8))
        {
            return FrameResult.PongFrame;
        }

        if (text.IsEmpty)
        {
            return Malformed(0, 0, "empty frame");
        }

        if (FastPath && TryParsePriceChange(text, handler))
        {
            return new FrameResult(FrameOutcome.Parsed, 1, 0, null);
        }

        var messages = 0;
        var unknown = 0;
        try
        {
            var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 32 });
            reader.Read();
            string? error;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                error = null;
                while (error is null && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    error = reader.TokenType == JsonTokenType.StartObject
                        ? ReadMessage(ref reader, handler, ref messages, ref unknown)
                        : "an array element is not an object";
                }
            }
            else
            {
                error = reader.TokenType == JsonTokenType.StartObject
                    ? ReadMessage(ref reader, handler, ref messages, ref unknown)
                    : "not a JSON object or array";
            }

            if (error is null && reader.Read())
            {
                error = "data after the JSON value";
            }

            return error is null ? new FrameResult(FrameOutcome.Parsed, messages, unknown, null) : Malformed(messages, unknown, error);
        }
        catch (JsonException ex)
        {
            return Malformed(messages, unknown, "invalid JSON: " + ex.Message);
        }
    }

    private static FrameResult Malformed(int messages, int unknown, string error) => new(FrameOutcome.Malformed, messages, unknown, error);

    /// <summary>Reads one message object (the reader is on its StartObject) and hands it on; returns why not, or null.</summary>
    private string? ReadMessage(ref Utf8JsonReader reader, IMarketFrameHandler handler, ref int messages, ref int unknown)
    {
        var f = _fields;
        f.Reset();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = FeedKeys.Of(ref reader);
            reader.Read();
            if (ReadField(ref reader, key, f) is { } error)
            {
                return error;
            }
        }

        if (f.Kind == FeedEventKind.Unknown)
        {
            unknown++;
            return null;
        }

        var dispatchError = Dispatch(f, handler);
        if (dispatchError is null)
        {
            messages++;
        }

        return dispatchError;
    }
}
