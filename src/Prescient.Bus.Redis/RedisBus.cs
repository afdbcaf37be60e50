using StackExchange.Redis;

namespace Prescient.Bus.Redis;

/// <summary>
/// The pipeline's Redis Streams with one consumer group: read new messages, claim those a dead or stuck
/// worker left pending (XAUTOCLAIM after an idle time), acknowledge, publish the next stage's message
/// once per cycle (a script makes "publish unless published" atomic, so a handler re-run after a crash
/// never doubles the next stage's work), and move a message that failed every attempt to the
/// dead-letter stream.
/// </summary>
public sealed class RedisBus(IConnectionMultiplexer redis)
{
    private const string PublishOnce = """
        if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'EX', 604800) then
          return redis.call('XADD', KEYS[1], '*', 'cycle', ARGV[1], 'payload', ARGV[2], 'part', ARGV[3])
        end
        return false
        """;

    private const string CompleteOnce = """
        redis.call('SADD', KEYS[1], ARGV[1])
        redis.call('EXPIRE', KEYS[1], 604800)
        return redis.call('SCARD', KEYS[1])
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Creates the group on every stream (from its start), once; safe to call from every worker.</summary>
    public async Task EnsureGroupsAsync()
    {
        foreach (var stream in BusStreams.Stages)
        {
            try
            {
                await Db.StreamCreateConsumerGroupAsync(stream, BusStreams.Group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
                // Another worker made it first.
            }
        }
    }

    /// <summary>
    /// Publishes <paramref name="payload"/> for <paramref name="cycle"/> (its <paramref name="part"/>, when the
    /// stage's work is cut in parts) on <paramref name="stream"/> unless it was published there already;
    /// returns the new entry's id, or null when it was.
    /// </summary>
    public async Task<string?> PublishAsync(string stream, string cycle, string payload, MessagePart? part = null)
    {
        var once = part is { } p ? $"{stream}:published:{cycle}:{p}" : $"{stream}:published:{cycle}";
        var result = await Db.ScriptEvaluateAsync(PublishOnce, [stream, once], [cycle, payload, part?.ToString() ?? string.Empty]).ConfigureAwait(false);
        return result.IsNull ? null : (string?)result;
    }

    /// <summary>
    /// Notes that <paramref name="part"/> of <paramref name="cycle"/>'s work on <paramref name="stream"/> is
    /// done, and says whether every part of it now is (so the next stage is published by whichever part
    /// ends last; a part done twice, after a crash, counts once).
    /// </summary>
    public async Task<bool> CompletePartAsync(string stream, string cycle, MessagePart part)
    {
        var done = (long)await Db.ScriptEvaluateAsync(CompleteOnce, [$"{stream}:done:{cycle}"], [part.Index]).ConfigureAwait(false);
        return done >= part.Count;
    }

    /// <summary>
    /// The next message of <paramref name="stream"/> for <paramref name="consumer"/>: first one pending for
    /// longer than <paramref name="claimAfter"/> (its worker died or hangs), then a new one; null when none.
    /// </summary>
    public async Task<BusMessage?> NextAsync(string stream, string consumer, TimeSpan claimAfter)
    {
        var claimed = await Db.StreamAutoClaimAsync(stream, BusStreams.Group, consumer, (long)claimAfter.TotalMilliseconds, "0-0", 1).ConfigureAwait(false);
        if (claimed.ClaimedEntries is [var entry, ..] && !entry.IsNull)
        {
            return await WithDeliveriesAsync(stream, entry).ConfigureAwait(false);
        }

        var fresh = await Db.StreamReadGroupAsync(stream, BusStreams.Group, consumer, StreamPosition.NewMessages, 1).ConfigureAwait(false);
        return fresh is [var first, ..] ? Message(stream, first, 1) : null;
    }

    public Task AcknowledgeAsync(BusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Db.StreamAcknowledgeAsync(message.Stream, BusStreams.Group, message.Id);
    }

    /// <summary>Moves <paramref name="message"/> to the dead-letter stream with its error, then acknowledges it: it is not retried.</summary>
    public async Task DeadLetterAsync(BusMessage message, string error)
    {
        ArgumentNullException.ThrowIfNull(message);
        await Db.StreamAddAsync(BusStreams.DeadLetters, [
            new NameValueEntry("stream", message.Stream),
            new NameValueEntry("id", message.Id),
            new NameValueEntry("cycle", message.Cycle),
            new NameValueEntry("payload", message.Payload),
            new NameValueEntry("deliveries", message.Deliveries),
            new NameValueEntry("error", error),
        ]).ConfigureAwait(false);
        await AcknowledgeAsync(message).ConfigureAwait(false);
    }

    /// <summary>Per stage: messages not yet read by the group (lag) and read but not acknowledged (pending); and the dead letters.</summary>
    public async Task<BusStatus> StatusAsync()
    {
        var stages = new List<StageStatus>();
        foreach (var stream in BusStreams.Stages)
        {
            var groups = await Db.StreamGroupInfoAsync(stream).ConfigureAwait(false);
            var group = groups.FirstOrDefault(g => g.Name == BusStreams.Group);
            stages.Add(new StageStatus(stream, group.Lag ?? 0, group.PendingMessageCount));
        }

        var dead = await Db.KeyExistsAsync(BusStreams.DeadLetters).ConfigureAwait(false) ? await Db.StreamLengthAsync(BusStreams.DeadLetters).ConfigureAwait(false) : 0;
        var workers = new List<WorkerStatus>();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: WorkerKeyPrefix + "*").ConfigureAwait(false))
            {
                var fields = (await Db.HashGetAllAsync(key).ConfigureAwait(false)).ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
                workers.Add(new WorkerStatus(((string)key!)[WorkerKeyPrefix.Length..], fields.GetValueOrDefault("role") ?? "?", long.Parse(fields.GetValueOrDefault("handled") ?? "0", System.Globalization.CultureInfo.InvariantCulture), long.Parse(fields.GetValueOrDefault("failed") ?? "0", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return new BusStatus(stages, dead, [.. workers.OrderBy(w => w.Name, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Says <paramref name="name"/> is alive (for <see cref="HeartbeatTtl"/>), with its role and counts: a
    /// worker calls it as it polls, so a killed one drops out of the status by itself.
    /// </summary>
    public Task HeartbeatAsync(string name, string role, long handled, long failed)
    {
        var key = WorkerKeyPrefix + name;
        var batch = Db.CreateBatch();
        var set = batch.HashSetAsync(key, [new("role", role), new("handled", handled), new("failed", failed)]);
        var expire = batch.KeyExpireAsync(key, HeartbeatTtl);
        batch.Execute();
        return Task.WhenAll(set, expire);
    }

    /// <summary>A worker that stops cleanly leaves the status at once.</summary>
    public Task GoneAsync(string name) => Db.KeyDeleteAsync(WorkerKeyPrefix + name);

    /// <summary>How long a worker counts as alive after its last heartbeat.</summary>
    public static TimeSpan HeartbeatTtl { get; } = TimeSpan.FromSeconds(10);

    private const string WorkerKeyPrefix = "prescient:worker:";

    private async Task<BusMessage> WithDeliveriesAsync(string stream, StreamEntry entry)
    {
        var pending = await Db.StreamPendingMessagesAsync(stream, BusStreams.Group, 1, RedisValue.Null, entry.Id, entry.Id).ConfigureAwait(false);
        var deliveries = pending is [var info, ..] ? info.DeliveryCount : 1;
        return Message(stream, entry, deliveries);
    }

    private static BusMessage Message(string stream, StreamEntry entry, long deliveries) =>
        new(stream, entry.Id!, Field(entry, "cycle"), Field(entry, "payload"), deliveries) { Part = MessagePart.Parse(Field(entry, "part")) };

    private static string Field(StreamEntry entry, string name) => (string?)entry[name] ?? string.Empty;
}

/// <summary>The bus as <c>prescient status</c> shows it: the stages, the dead letters, the workers alive.</summary>
public sealed record BusStatus(IReadOnlyList<StageStatus> Stages, long DeadLetters, IReadOnlyList<WorkerStatus> Workers);

/// <summary>One stage's stream: messages no worker has read yet, and read but unfinished.</summary>
public sealed record StageStatus(string Stream, long Lag, long Pending);

/// <summary>A worker alive (its heartbeat not expired): its name, role, messages handled and failed attempts so far.</summary>
public sealed record WorkerStatus(string Name, string Role, long Handled, long Failed);
