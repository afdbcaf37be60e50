using System.Text.Json;
using Prescient.Domain.Ids;
using Prescient.Engine.Markets;
using Prescient.Storage.Files.Json;
using StackExchange.Redis;

namespace Prescient.Bus.Redis;

/// <summary>
/// The shared market-lookup cache in Redis: one key per market (<c>prescient:lookup:&lt;market id&gt;</c>)
/// holding the Gamma market and the CLOB's resolution fields as JSON (exact decimals) with the instant
/// they were looked up, so every part of a cycle's execution settles from the same answers and asks
/// upstream once per held market. An entry is used while younger than <c>maxAge</c> (the execution's
/// <c>Trading:MaxBookAge</c>) by <paramref name="time"/>, the clock the run keeps (a simulation's
/// too), and Redis forgets it after <c>maxAge</c> of wall time.
/// </summary>
public sealed class RedisLookupCache(IConnectionMultiplexer redis, TimeProvider time, TimeSpan maxAge) : IMarketLookupCache
{
    public async Task<MarketLookup?> GetAsync(MarketId market, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(market)).ConfigureAwait(false);
        if (value.IsNull || JsonSerializer.Deserialize<CachedLookup>((string)value!, PrescientJson.CompactOptions) is not { } cached)
        {
            return null;
        }

        var age = time.GetUtcNow() - cached.At;
        return age >= TimeSpan.Zero && age <= maxAge ? cached.Lookup : null;
    }

    public Task StoreAsync(MarketId market, MarketLookup lookup, CancellationToken cancellationToken) =>
        redis.GetDatabase().StringSetAsync(Key(market), JsonSerializer.Serialize(new CachedLookup(time.GetUtcNow(), lookup), PrescientJson.CompactOptions), maxAge);

    private static string Key(MarketId market) => "prescient:lookup:" + market.Value;

    private sealed record CachedLookup(DateTimeOffset At, MarketLookup Lookup);
}
