using StackExchange.Redis;

namespace Prescient.Bus.Redis;

/// <summary>
/// Live strategy settings in the Redis hash <c>prescient:settings</c>, as configuration keys
/// (<c>Strategy:Threshold</c> → <c>0.6</c>): <c>prescient config set</c> writes them, and every signal run
/// of a worker reads them, so a change takes effect at the next run without a restart.
/// </summary>
public sealed class RedisSettings(IConnectionMultiplexer redis)
{
    public const string Key = "prescient:settings";

    public Task SetAsync(string key, string value) => redis.GetDatabase().HashSetAsync(Key, key, value);

    public Task<bool> RemoveAsync(string key) => redis.GetDatabase().HashDeleteAsync(Key, key);

    /// <summary>Every live setting, by configuration key (ordinal order).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(Key).ConfigureAwait(false);
        return new SortedDictionary<string, string>(entries.ToDictionary(e => (string)e.Name!, e => (string)e.Value!), StringComparer.Ordinal);
    }
}
