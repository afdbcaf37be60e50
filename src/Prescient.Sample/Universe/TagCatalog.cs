using System.Text;
using System.Text.Json.Nodes;
using Prescient.Sample.Wire;

namespace Prescient.Sample.Universe;

/// <summary>
/// Real Gamma tag objects (from the recorded tags page and the recorded events), grouped by topic.
/// An event carries its topic's first tag (when the topic has a general one) plus one or two others.
/// </summary>
internal sealed class TagCatalog
{
    private static readonly Dictionary<Topic, string[]> SlugsByTopic = new()
    {
        [Topic.Politics] = ["politics", "elections", "global-elections", "world-elections", "primaries", "us-presidential-election", "caucus", "tariffs", "greenland", "doj", "homeland-security", "peace-deals", "trade", "European-Union"],
        [Topic.Crypto] = ["crypto", "bitcoin", "crypto-prices", "cryptocurrency", "token", "defi-app", "jto", "slerf", "recurring", "weekly"],
        [Topic.Finance] = ["finance", "economy", "business", "stocks", "gdp", "mag-7", "investments", "tax-cut", "ma", "business-growth"],
        [Topic.Culture] = ["charts", "spider-man", "the-bear", "killers-of-the-flower-moon", "facebook", "current-events", "bryce-hall"],
        [Topic.Science] = ["space-exploration", "uap", "outage", "current-events"],
        [Topic.Sports] = ["league-of-legends", "nfl-week-7", "giants", "psg", "benfica", "toronto-maple-leafs", "trail-blazers", "detroit-pistons", "conmebol", "feyenoord", "young-boys", "llws", "super-rugby-pacific", "nl-central"],
    };

    private static readonly HashSet<Topic> HasGeneralTag = [Topic.Politics, Topic.Crypto, Topic.Finance];

    private readonly Dictionary<string, TagEntry> _bySlug = new(StringComparer.Ordinal);

    private TagCatalog()
    {
        foreach (var tag in EmbeddedTemplates.Load("gamma", "tags_page_2026-02").AsArray())
        {
            Add(tag!.AsObject());
        }

        foreach (var name in new[] { "events_active_limit1_microstrategy_2026-02", "event_negrisk_dem_nominee_2028", "public_search_response" })
        {
            AddTagsUnder(EmbeddedTemplates.Load("gamma", name));
        }

        foreach (var slug in SlugsByTopic.Values.SelectMany(s => s).Where(s => !_bySlug.ContainsKey(s)))
        {
            throw new InvalidOperationException($"Tag '{slug}' is not in the recorded tag payloads.");
        }
    }

    public static TagCatalog Instance { get; } = new();

    /// <summary>The recorded tag for a slug: its label and its whole object as compact JSON.</summary>
    public TagEntry Tag(string slug) => _bySlug[slug];

    /// <summary>The tag slugs of one event: deterministic in the random stream given.</summary>
    public static string[] Pick(Topic topic, ref SampleRandom random)
    {
        var pool = SlugsByTopic[topic];
        var general = HasGeneralTag.Contains(topic);
        var first = general ? 1 : 0;
        var extra = random.Next(1, 2);
        var picked = new List<string>(3);
        if (general)
        {
            picked.Add(pool[0]);
        }

        while (picked.Count < extra + (general ? 1 : 0))
        {
            var slug = pool[random.Next(first, pool.Length - 1)];
            if (!picked.Contains(slug))
            {
                picked.Add(slug);
            }
        }

        return [.. picked];
    }

    /// <summary>Every object inside a "tags" array anywhere in the payload.</summary>
    private void AddTagsUnder(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                AddTagsUnder(item);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                if (name == "tags" && value is JsonArray tags)
                {
                    foreach (var tag in tags.OfType<JsonObject>())
                    {
                        Add(tag);
                    }
                }
                else
                {
                    AddTagsUnder(value);
                }
            }
        }
    }

    private void Add(JsonObject tag)
    {
        if (tag["slug"]?.GetValue<string>() is { } slug)
        {
            var label = tag["label"]?.GetValue<string>() ?? slug;
            _bySlug.TryAdd(slug, new TagEntry(slug, label, Encoding.UTF8.GetBytes(tag.ToJsonString())));
        }
    }
}

/// <summary>A recorded Gamma tag: slug, label, and the whole object as compact UTF-8 JSON.</summary>
internal sealed record TagEntry(string Slug, string Label, byte[] Json);
