using System.Globalization;
using Microsoft.AspNetCore.Http;
using Prescient.Sample.Universe;

namespace Prescient.Sample.Server;

/// <summary>The filters and paging of a Gamma list request, as Gamma reads them.</summary>
internal sealed record ListingQuery
{
    /// <summary>The Gamma <c>order</c> names the sample market sorts by (camelCase, as Gamma accepts them).</summary>
    private static readonly Dictionary<string, SortField> SortFields = new(StringComparer.Ordinal)
    {
        ["id"] = SortField.Id,
        ["startDate"] = SortField.StartDate,
        ["createdAt"] = SortField.StartDate,
        ["endDate"] = SortField.EndDate,
        ["volume"] = SortField.Volume,
        ["volume24hr"] = SortField.Volume24hr,
        ["liquidity"] = SortField.Liquidity,
    };

    public bool? Active { get; init; }

    public bool? Closed { get; init; }

    public bool? Archived { get; init; }

    public string? TagSlug { get; init; }

    /// <summary>The <c>order</c> field; id when absent.</summary>
    public SortField Order { get; init; }

    /// <summary><c>ascending</c>; true when absent (Gamma's documented default is ambiguous, so clients send it).</summary>
    public bool Ascending { get; init; } = true;

    /// <summary>Ascending id: the order the listings stream in without sorting.</summary>
    public bool IsDefaultOrder => Order == SortField.Id && Ascending;

    public int Limit { get; init; }

    public int? Offset { get; init; }

    public string? AfterCursor { get; init; }

    /// <summary>Every parameter except <c>limit</c>, <c>offset</c> and <c>after_cursor</c>, sorted: what a cursor is bound to.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Parses the query; returns a 422 reply when a value is invalid, else null.</summary>
    public static SampleReply? TryParse(IQueryCollection query, int defaultLimit, int maxLimit, out ListingQuery result)
    {
        result = new ListingQuery { Fingerprint = "" };
        string? error = null;
        var active = Bool(query, "active", ref error);
        var closed = Bool(query, "closed", ref error);
        var archived = Bool(query, "archived", ref error);
        var ascending = Bool(query, "ascending", ref error);
        var limit = Int(query, "limit", ref error) ?? defaultLimit;
        var offset = Int(query, "offset", ref error);
        var order = query["order"].ToString();
        SortField field = SortField.Id;
        if (error is null && order.Length > 0 && !SortFields.TryGetValue(order, out field))
        {
            error = "order fields are not valid";
        }

        if (error is not null)
        {
            return SampleReply.Validation(error);
        }

        var fingerprint = string.Join('&', query
            .Where(p => p.Key is not ("limit" or "offset" or "after_cursor"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        result = new ListingQuery
        {
            Active = active,
            Closed = closed,
            Archived = archived,
            TagSlug = query["tag_slug"].ToString() is { Length: > 0 } tag ? tag : null,
            Order = field,
            Ascending = ascending ?? true,
            Limit = Math.Clamp(limit, 1, maxLimit),
            Offset = offset,
            AfterCursor = query["after_cursor"].ToString() is { Length: > 0 } cursor ? cursor : null,
            Fingerprint = fingerprint,
        };
        return null;
    }

    /// <summary>Whether an event passes the active/archived/tag filters (cheap: no event is built).</summary>
    public bool Matches(SampleUniverse universe, int slot, int generation)
    {
        var profile = universe.Slots.Profile(slot);
        if (Active is { } active && active != (profile != EventProfile.Inactive))
        {
            return false;
        }

        if (Archived is { } archived && archived != (profile == EventProfile.Archived))
        {
            return false;
        }

        return TagSlug is null || universe.Factory.TopicAndTags(slot, generation).Tags.Contains(TagSlug, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The matching events after <paramref name="afterEventId"/>, in ascending id order.</summary>
    public IEnumerable<(int Slot, int Generation)> Events(SampleUniverse universe, long ticks, ClosedFilter filter, long afterEventId) =>
        universe.Enumerate(ticks, filter, afterEventId).Where(k => Matches(universe, k.Slot, k.Generation));

    private static bool? Bool(IQueryCollection query, string name, ref string? error)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        error ??= $"{name} must be true or false";
        return null;
    }

    private static int? Int(IQueryCollection query, string name, ref string? error)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        error ??= $"{name} must be a non-negative integer";
        return null;
    }
}
