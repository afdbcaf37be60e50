using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Prescient.Testing;

namespace Prescient.Storage.Files.Tests.Exports;

/// <summary>
/// Upstream objects for the full events export, kept as the bytes they arrived as (whitespace and
/// escapes included): recorded Gamma payloads, hand-made hostile events, and seeded random ones.
/// </summary>
internal static class FullEventsInputs
{
    /// <summary>
    /// Events whose cells and keys test every rule: formula triggers (also behind an escape), separators,
    /// quotes and line breaks, emoji, numbers as received and as strings, nested and empty objects,
    /// arrays compact and spaced, a dotted key that collides with a nested one, a repeated key,
    /// escaped and non-ASCII keys, an upstream <c>source</c>, keys only the first or the last event
    /// has, a key order that differs, leaves that become objects later, and a pretty-printed event.
    /// </summary>
    public static readonly string[] Hostile =
    [
        """
        {"id":"h1","onlyFirst":"first","title":"=cmd|' /C calc'!A0","plus":"+1","minus":"-2","at":"@SUM(1)","tab":"\tTabbed","cr":"\rCarriage return","comma":"comma, inside","quote":"quote \"inside\" here","lf":"line one\nline two","crlf":"line one\r\nline two","emoji":"emoji 🚀📈 and accents éü","escaped":"caf\u00e9 \/ \u003cb\u003e","eqEscaped":"\u003d1+1","tabLong":"\tand a text well past thirty-two characters, with a comma","negative":-1.25,"numberText":"-3.5","exp":1E-7,"scale":0.50,"yes":true,"no":false,"nothing":null,"empty":"","emptyObject":{},"emptyArray":[],"array":["=a", "b,c", "d\"e", 1, null, {"x": "y"}, "caf\u00e9"],"compactArray":["=a","b,c","line\nbreak"],"nested":{"a":{"b":"=deep","c":[1,2]},"d":null,"e":{}},"a.b":"dotted key","a":{"b":"collides"},"source":"upstream","dup":"first value","dup":"second value","k\u0065y":"escaped key","clé":"non-ascii key","🔑":"emoji key","":"empty key"}
        """,
        """{"title":"second","id":"h2","nested":{"e":{"f":"now nested"},"a":{"c":"only c"}},"array":[],"emptyObject":{"now":"not empty"},"minus":-7,"key":"plain key","quote":"\"=starts with a quote"}""",
        """
        {
          "id" : "h3",
          "array" : [ 1 , "two" , { "three" : 3 } ],
          "title" : "line\nbreak",
          "tab": "\t",
          "unicode": "\u2028 line separator, \ud83d\ude80 escaped rocket",
          "lf": "\n=after a line break"
        }
        """,
        "{}",
        """{"nothing":null}""",
        """{"id":"h6","crlf":"\r\n","onlyLast":"last","description":"A longer description, as upstream writes them: quotes \"like this\", a line\nbreak, é and ’ and emoji 🚀, well past any short-field fast path."}""",
    ];

    private static readonly string[] Keys =
        ["id", "title", "a", "b", "a.b", "source", "x y", "é", "🔑", "k\\u0065y", "key", "", "nested", "markets", "tags", new('k', 300)];

    private static readonly string[] Numbers = ["0", "-0", "1.50", "1e3", "-12.5E-2", "123456789012345678901234567890"];

    private static readonly string[] Texts =
    [
        .. CsvFiles.Hostile, "", "=", "-", "\"starts with a quote", "ends with a comma,", "0.50", "-3.5", "\u2028", "’",
        "a longer text with commas, quotes \" and accents é, well past thirty-two characters",
    ];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every object of the recorded Gamma payloads: events pages, markets pages (one pretty-printed), tags, search.</summary>
    public static IReadOnlyList<JsonElement> Recorded()
    {
        string[] files =
        [
            "gamma/events_default_page_2021_resolved.json",
            "gamma/events_active_limit1_microstrategy_2026-02.json",
            "gamma/event_negrisk_dem_nominee_2028.json",
            "gamma/markets_twenty_2024-07_with_nested_events.json",
            "gamma/markets_active_negrisk_deportation_2026-02.json",
            "gamma/markets_default_page_2020_legacy_resolved.json",
            "gamma/market_sports_moneyline.json",
            "gamma/market_btc_updown_5m_active.json",
            "gamma/tags_page_2026-02.json",
            "gamma/public_search_response.json",
        ];
        var objects = new List<JsonElement>();
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Path(file)));
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToArray()
                : root.TryGetProperty("events", out var events) ? events.EnumerateArray().ToArray()
                : [root];
            objects.AddRange(items.Select(item => item.Clone()));
        }

        return objects;
    }

    /// <summary>Each text parsed into a standalone element that keeps its bytes.</summary>
    public static IReadOnlyList<JsonElement> Parse(IEnumerable<string> texts) =>
        texts.Select(text =>
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }).ToArray();

    /// <summary>
    /// <paramref name="count"/> random objects from <paramref name="seed"/>: keys from a small pool in
    /// random order (repeats too), values of every kind nested up to three levels, text escaped three
    /// ways, whitespace and line breaks between tokens.
    /// </summary>
    public static IReadOnlyList<string> Random(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Object(random, depth: 0)).ToArray();
    }

    private static string Object(Random random, int depth)
    {
        var json = new StringBuilder("{");
        var count = random.Next(0, depth == 0 ? 9 : 5);
        for (var i = 0; i < count; i++)
        {
            json.Append(i > 0 ? "," : "").Append(Space(random))
                .Append('"').Append(Keys[random.Next(Keys.Length)]).Append('"').Append(Space(random)).Append(':')
                .Append(Space(random)).Append(Value(random, depth));
        }

        return json.Append(Space(random)).Append('}').ToString();
    }

    private static string Value(Random random, int depth) =>
        random.Next(depth < 3 ? 11 : 8) switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => Numbers[random.Next(Numbers.Length)],
            3 or 4 or 5 or 6 => Text(random),
            7 => random.Next(2) == 0 ? "{}" : "[]",
            8 or 9 => Object(random, depth + 1),
            _ => "[" + string.Join("," + Space(random), Enumerable.Range(0, random.Next(1, 4)).Select(_ => Value(random, depth + 1))) + "]",
        };

    /// <summary>A text as a JSON string: escaped the default way (non-ASCII and HTML-sensitive characters too), relaxed, or every character escaped.</summary>
    private static string Text(Random random)
    {
        var text = Texts[random.Next(Texts.Length)];
        return random.Next(3) switch
        {
            0 => JsonSerializer.Serialize(text),
            1 => JsonSerializer.Serialize(text, Relaxed),
            _ => "\"" + string.Concat(text.Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture))) + "\"",
        };
    }

    private static string Space(Random random) => random.Next(5) switch
    {
        0 => " ",
        1 => "\n  ",
        _ => "",
    };
}
