namespace Prescient.Sample.Universe;

/// <summary>Builds the blueprint of any event from its slot and generation alone.</summary>
internal sealed class EventFactory(SampleUniverseOptions options, SlotTable slots, SampleIds ids)
{
    private static readonly Topic[] AnyTopic = [Topic.Politics, Topic.Crypto, Topic.Finance, Topic.Culture, Topic.Science];
    private static readonly Topic[] GroupTopic = [Topic.Politics, Topic.Culture, Topic.Finance];
    private static readonly (double, double)[] SlowPeriods = [(4, 12), (48, 120), (240, 960)];
    private static readonly (double, double)[] GamePeriods = [(1, 4), (6, 18), (24, 72)];
    private static readonly (double, double)[] FastPeriods = [(0.25, 1), (1, 3), (3, 8)];

    private readonly int _seed = options.Seed;

    public EventBlueprint Create(int slot, int generation)
    {
        var profile = slots.Profile(slot);
        var kind = ProfileSpec.For(profile).Kind;
        var start = slots.StartTicks(slot, generation);
        var end = slots.EndTicks(slot, generation);
        var eventId = SampleIds.EventId(slot, generation);
        var (topic, tags) = TopicAndTags(slot, generation);
        var r = new SampleRandom(_seed, SampleRandom.Stream.Event, slot, generation);
        var ends = MarketEnds(kind, start, end, ref r);
        var text = EventTitles.Create(kind, topic, start, ends, ref r);
        var league = kind == EventKind.Sports ? text.Title[..text.Title.IndexOf(':', StringComparison.Ordinal)] : null;
        var slug = TextBank.Slug(text.Title, eventId);
        var title = text.Title;
        var questions = text.Questions;
        // One slot in 12 has hostile titles, the variants in turn, so every variant is present from 120 events on.
        if (slot % 12 == (_seed & int.MaxValue) % 12)
        {
            var variant = slot / 12 % TextBank.HostileVariantCount;
            title = TextBank.Hostile(title, variant);
            questions = [TextBank.Hostile(questions[0]!, variant), .. questions[1..]];
        }

        var group = new GroupDraw(kind, start, end, ends.Length, ref r);
        var numbersAsStrings = r.Chance(0.1);
        var gameId = 1_000_000 + (long)(r.NextUInt64() % 9_000_000);
        var comments = r.Next(0, 600);
        var markets = new MarketBlueprint[ends.Length];
        for (var j = 0; j < ends.Length; j++)
        {
            var marketId = SampleIds.MarketId(eventId, j);
            markets[j] = CreateMarket(profile, kind, eventId, marketId, j, start, ends[j], group, text, questions[j]);
        }

        return new EventBlueprint
        {
            Id = eventId,
            Slot = slot,
            Generation = generation,
            Profile = profile,
            Kind = kind,
            Topic = topic,
            EndFormat = slots.EndFormat(slot),
            StartTicks = start,
            EndTicks = end,
            Title = title,
            Slug = slug,
            Description = TextBank.Describe(text.Body, _seed),
            TagSlugs = tags,
            Markets = markets,
            NumbersAsStrings = numbersAsStrings,
            NegRiskMarketId = kind == EventKind.NegRisk ? ids.NegRiskMarketId(eventId) : null,
            League = league,
            GameId = gameId,
            CommentCount = comments,
        };
    }

    /// <summary>The topic and tag slugs of an event, from their own random stream (cheap, for tag filters).</summary>
    public (Topic Topic, string[] Tags) TopicAndTags(int slot, int generation)
    {
        var r = new SampleRandom(_seed, SampleRandom.Stream.Tags, slot, generation);
        var topic = ProfileSpec.For(slots.Profile(slot)).Kind switch
        {
            EventKind.Sports => Topic.Sports,
            EventKind.CryptoUpDown => Topic.Crypto,
            EventKind.NegRisk => r.Pick(GroupTopic),
            _ => r.Pick(AnyTopic),
        };
        return (topic, TagCatalog.Pick(topic, ref r));
    }

    private static long[] MarketEnds(EventKind kind, long start, long end, ref SampleRandom r)
    {
        var count = kind switch
        {
            EventKind.Ladder => r.Next(2, 5),
            EventKind.NegRisk => r.Next(3, 8),
            _ => 1,
        };
        var ends = new long[count];
        for (var j = 0; j < count; j++)
        {
            ends[j] = kind == EventKind.Ladder && j < count - 1
                ? DateFormats.Quantize(start + ((end - start) * (j + 1) / count), DateFormat.IsoSeconds)
                : end;
        }

        return ends;
    }

    private MarketBlueprint CreateMarket(EventProfile profile, EventKind kind, long eventId, long marketId, int index, long start, long end, GroupDraw group, EventText text, string question)
    {
        var r = new SampleRandom(_seed, SampleRandom.Stream.Market, marketId);
        var (mu, drift, resolution) = kind switch
        {
            EventKind.NegRisk => (group.LegLogit(index), index == group.Winner ? 6.0 : -2.0, index == group.Winner ? Resolution.YesWins : Resolution.NoWins),
            EventKind.Ladder => LadderLeg(group, index, end, ref r),
            EventKind.CryptoUpDown => Outcome(0, 4, 0, ref r),
            EventKind.Sports => Outcome(r.Between(-1.5, 1.5), 7, 0.03, ref r),
            _ => Outcome(r.Between(-3, 3), 6, 0.01, ref r),
        };
        var periods = kind switch
        {
            EventKind.CryptoUpDown => FastPeriods,
            EventKind.Sports => GamePeriods,
            _ => SlowPeriods,
        };
        var curve = new PriceCurve(mu, drift, start, end, periods, kind == EventKind.CryptoUpDown ? 0.5 : 1, ref r);
        var tick = kind != EventKind.CryptoUpDown && (Math.Abs(mu) > 2.3 || r.Chance(0.15)) ? 0.001m : 0.01m;
        var sidesDraw = r.NextDouble();
        var sides = profile == EventProfile.NoOrderBook ? BookSides.None : sidesDraw switch
        {
            < 0.05 => BookSides.NoBids,
            < 0.09 => BookSides.NoAsks,
            < 0.12 => BookSides.None,
            _ => BookSides.Both,
        };
        var spread = (tick == 0.01m ? r.Next(1, 3) : r.Next(2, 12)) * (profile == EventProfile.LowLiquidity ? 3 : 1);
        return new MarketBlueprint
        {
            Id = marketId,
            Index = index,
            Question = question,
            Slug = TextBank.Slug(text.Questions[index], marketId),
            GroupItemTitle = text.GroupItemTitles[index],
            Outcomes = text.Outcomes[index],
            ConditionId = ids.ConditionId(marketId),
            QuestionId = kind == EventKind.NegRisk ? ids.NegRiskQuestionId(eventId, index) : ids.QuestionId(marketId),
            YesTokenId = ids.TokenId(marketId, 0),
            NoTokenId = ids.TokenId(marketId, 1),
            StartTicks = start,
            EndTicks = end,
            ResolvedTicks = ResolvedAt(marketId, end),
            Curve = curve,
            Resolution = resolution,
            TickSize = tick,
            MinOrderSize = r.Chance(0.1) ? 15m : 5m,
            OmitTickSize = r.Chance(0.05),
            OmitLiquidity = r.Chance(0.05),
            Sides = sides,
            SpreadTicks = spread,
            BidLevels = r.Next(3, 12),
            AskLevels = r.Next(3, 12),
            LiquidityBase = profile == EventProfile.LowLiquidity ? r.Between(100, 900) : r.LogBetween(2_000, 200_000),
            VolumeTotal = profile switch
            {
                EventProfile.LowVolume => r.Between(500, 9_000),
                EventProfile.CryptoUpDown => r.LogBetween(2_000, 80_000),
                EventProfile.Sports => r.LogBetween(10_000, 500_000),
                _ => r.LogBetween(20_000, 5_000_000),
            },
            SecondsDelay = kind == EventKind.Sports ? 3 : 0,
        };
    }

    /// <summary>
    /// The instant the outcome is final: the close, or with <see cref="SampleUniverseOptions.MiddayResolutions"/>
    /// for half the markets, a whole hour from 10:00 to 16:00 UTC at least an hour after the close. Drawn
    /// from a hash of the id, so no other value of the universe changes.
    /// </summary>
    private long ResolvedAt(long marketId, long end)
    {
        var draw = SampleRandom.Hash((ulong)(uint)_seed, 0x5e771e, (ulong)marketId);
        if (!options.MiddayResolutions || draw % 2 == 0)
        {
            return end;
        }

        var day = (end / TimeSpan.TicksPerDay) * TimeSpan.TicksPerDay;
        var at = day + ((10 + (long)(draw / 2 % 7)) * TimeSpan.TicksPerHour);
        return at >= end + TimeSpan.TicksPerHour ? at : at + TimeSpan.TicksPerDay;
    }

    private static (double Mu, double Drift, Resolution Resolution) Outcome(double mu, double drift, double splitChance, ref SampleRandom r)
    {
        if (r.Chance(splitChance))
        {
            return (mu, -mu, Resolution.Split);
        }

        return r.NextDouble() < PriceCurve.Sigmoid(mu) ? (mu, drift, Resolution.YesWins) : (mu, -drift, Resolution.NoWins);
    }

    private static (double Mu, double Drift, Resolution Resolution) LadderLeg(GroupDraw group, int index, long end, ref SampleRandom r)
    {
        var mu = -1.5 + (2.5 * (index + 1) / group.Count) + r.Between(-0.3, 0.3);
        return group.HappensAt <= end ? (mu, 6, Resolution.YesWins) : (mu, -6, Resolution.NoWins);
    }
}
