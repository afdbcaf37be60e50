using System.Globalization;

namespace Prescient.Sample.Universe;

/// <summary>Writes the title, questions and outcomes of an event of each kind.</summary>
internal static class EventTitles
{
    private const string YesNoBody = "This market will resolve to \"Yes\" if the event in the title happens by the date specified in it. Otherwise, this market will resolve to \"No\".";

    private static readonly string[] YesNo = ["Yes", "No"];

    public static EventText Create(EventKind kind, Topic topic, long startTicks, long[] marketEnds, ref SampleRandom r) => kind switch
    {
        EventKind.Ladder => Ladder(topic, marketEnds, ref r),
        EventKind.NegRisk => NegRisk(topic, marketEnds, ref r),
        EventKind.Sports => Sports(ref r),
        EventKind.CryptoUpDown => UpDown(startTicks, marketEnds[0], ref r),
        _ => Binary(topic, marketEnds[0], ref r),
    };

    private static EventText Binary(Topic topic, long end, ref SampleRandom r)
    {
        var date = TextBank.Day(new DateTimeOffset(end, TimeSpan.Zero));
        var title = (topic, r.Next(0, 2)) switch
        {
            (Topic.Politics, 0) => $"Will {r.Pick(TextBank.Countries)} hold a snap election by {date}?",
            (Topic.Politics, 1) => $"Will the {r.Pick(TextBank.Countries)} parliament pass the {r.Pick(TextBank.Bills)} by {date}?",
            (Topic.Politics, _) => $"Will {TextBank.Person(ref r)} resign as prime minister of {r.Pick(TextBank.Countries)} by {date}?",
            (Topic.Crypto, 0) => CoinLevel("reach", date, ref r),
            (Topic.Crypto, _) => CoinLevel("trade below", date, ref r),
            (Topic.Finance, 0) => $"Will {r.Pick(TextBank.Companies)} close above {TextBank.Money(r.Next(2, 60) * 10)} on {date}?",
            (Topic.Finance, 1) => $"Will {r.Pick(TextBank.Companies)} announce layoffs by {date}?",
            (Topic.Finance, _) => $"Will {r.Pick(TextBank.Companies)} report quarterly revenue above {TextBank.Money(r.Next(1, 90))}B by {date}?",
            (Topic.Culture, 0) => $"Will \"{r.Pick(TextBank.Films)}\" gross over {TextBank.Money(r.Next(2, 40) * 25)}M by {date}?",
            (Topic.Culture, _) => $"Will {TextBank.Person(ref r)} release a new album by {date}?",
            (_, 0) => $"Will {r.Pick(TextBank.Agencies)} launch {r.Pick(TextBank.Missions)} by {date}?",
            _ => $"Will a magnitude 7+ earthquake hit {r.Pick(TextBank.Countries)} by {date}?",
        };
        return new EventText(title, YesNoBody, [title], [null], [YesNo]);
    }

    private static string CoinLevel(string verb, string date, ref SampleRandom r)
    {
        var coin = r.Pick(TextBank.Coins);
        var level = (long)Math.Max(1, Math.Round(coin.Level * r.Between(0.5, 1.5)));
        return $"Will {coin.Name} {verb} {TextBank.Money(level)} by {date}?";
    }

    private static EventText Ladder(Topic topic, long[] ends, ref SampleRandom r)
    {
        var subject = topic switch
        {
            Topic.Politics => $"{r.Pick(TextBank.Countries)} holds a referendum on the {r.Pick(TextBank.Bills)}",
            Topic.Crypto => $"{r.Pick(TextBank.Coins).Name} hits a new all-time high",
            Topic.Science => $"{r.Pick(TextBank.Agencies)} lands {r.Pick(TextBank.Missions)}",
            Topic.Culture => $"\"{r.Pick(TextBank.Films)}\" gets a sequel announcement",
            _ => $"{r.Pick(TextBank.Companies)} announces a stock split",
        };
        var questions = new string[ends.Length];
        var groups = new string?[ends.Length];
        var outcomes = new string[ends.Length][];
        for (var j = 0; j < ends.Length; j++)
        {
            groups[j] = TextBank.Day(new DateTimeOffset(ends[j], TimeSpan.Zero));
            questions[j] = $"{subject} by {groups[j]}?";
            outcomes[j] = YesNo;
        }

        return new EventText($"{subject} by ___ ?", YesNoBody, questions, groups, outcomes);
    }

    private static EventText NegRisk(Topic topic, long[] ends, ref SampleRandom r)
    {
        var year = new DateTimeOffset(ends[0], TimeSpan.Zero).Year.ToString(CultureInfo.InvariantCulture);
        var country = r.Pick(TextBank.Countries);
        var award = r.Pick(TextBank.Awards);
        var date = TextBank.Day(new DateTimeOffset(ends[0], TimeSpan.Zero));
        var names = new List<string>(ends.Length);
        while (names.Count < ends.Length)
        {
            var name = topic switch
            {
                Topic.Culture => r.Pick(TextBank.Films),
                Topic.Finance => r.Pick(TextBank.Companies),
                _ => TextBank.Person(ref r),
            };
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        var (title, question) = topic switch
        {
            Topic.Culture => ($"{award} {year}: Best Picture winner?", "Will \"{0}\" win Best Picture at the " + award + " " + year + "?"),
            Topic.Finance => ($"Largest company by market cap on {date}?", "Will {0} be the largest company by market cap on " + date + "?"),
            _ => ($"{country} Presidential Election Winner {year}", "Will {0} win the " + year + " " + country + " presidential election?"),
        };
        var questions = names.Select(n => string.Format(CultureInfo.InvariantCulture, question, n)).ToArray();
        const string body = "This market will resolve to \"Yes\" if the named outcome wins. Otherwise, it will resolve to \"No\". Exactly one outcome of the group can resolve \"Yes\".";
        return new EventText(title, body, questions, [.. names], [.. names.Select(_ => YesNo)]);
    }

    private static EventText Sports(ref SampleRandom r)
    {
        var (league, stage) = r.Pick(TextBank.Leagues);
        var home = TextBank.Team(ref r);
        var away = TextBank.Team(ref r);
        while (away == home)
        {
            away = TextBank.Team(ref r);
        }

        var title = $"{league}: {home} vs {away} - {stage}";
        var body = $"This market refers to the {league} match between {home} and {away}. It will resolve to \"{home}\" if {home} win, and to \"{away}\" if {away} win. A cancelled or tied match resolves 50-50.";
        return new EventText(title, body, [title], ["Match Winner"], [[home, away]]);
    }

    private static EventText UpDown(long start, long end, ref SampleRandom r)
    {
        var coin = r.Pick(TextBank.Coins);
        var from = new DateTimeOffset(start, TimeSpan.Zero).UtcDateTime;
        var to = new DateTimeOffset(end, TimeSpan.Zero).UtcDateTime;
        var title = string.Create(CultureInfo.InvariantCulture, $"{coin.Name} Up or Down - {from:MMMM d, HH:mm}-{to:HH:mm} UTC");
        var body = $"This market will resolve to \"Up\" if the simulated {coin.Symbol}/USD price at the end of the time range specified in the title is greater than or equal to the price at the beginning of that range. Otherwise, it will resolve to \"Down\".";
        return new EventText(title, body, [title], [null], [["Up", "Down"]]);
    }
}
