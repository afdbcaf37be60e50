using StackExchange.Redis;

namespace Prescient.Testing.Redis;

/// <summary>
/// A Redis database of its own (one of the numbered databases 1–15) on the server that
/// <c>scripts/services up redis</c> starts (its address in PRESCIENT_SERVICES_REDIS, which
/// <c>scripts/test.sh</c> exports), empty when taken, emptied and given back on dispose. The bus's stream
/// names are fixed, so test classes that run side by side would otherwise see, and flush, each other's work.
/// </summary>
public sealed class RedisDatabase : IAsyncDisposable
{
    private static readonly bool[] Taken = new bool[16];
    private readonly int _index;

    private RedisDatabase(int index, string address, ConnectionMultiplexer connection)
    {
        _index = index;
        Address = address;
        Connection = connection;
    }

    /// <summary>What a user passes to <c>--redis</c> for this database (host:port,defaultDatabase=N).</summary>
    public string Address { get; }

    public ConnectionMultiplexer Connection { get; }

    public static async Task<RedisDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("PRESCIENT_SERVICES_REDIS");
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException("PRESCIENT_SERVICES_REDIS is not set: run `scripts/services up redis` and `eval \"$(scripts/services env)\"` (scripts/test.sh does both)");
        }

        var index = Take();
        try
        {
            var address = $"{server},defaultDatabase={index}";
            var connection = await ConnectionMultiplexer.ConnectAsync(address + ",allowAdmin=true");
            await connection.GetServer(connection.GetEndPoints()[0]).FlushDatabaseAsync(index);
            return new RedisDatabase(index, address, connection);
        }
        catch
        {
            Give(index);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.GetServer(Connection.GetEndPoints()[0]).FlushDatabaseAsync(_index);
            await Connection.DisposeAsync();
        }
        finally
        {
            Give(_index);
        }
    }

    private static int Take()
    {
        lock (Taken)
        {
            for (var i = 1; i < Taken.Length; i++)
            {
                if (!Taken[i])
                {
                    Taken[i] = true;
                    return i;
                }
            }
        }

        throw new InvalidOperationException("all 15 test databases of Redis are taken: dispose each RedisDatabase when its test ends");
    }

    private static void Give(int index)
    {
        lock (Taken)
        {
            Taken[index] = false;
        }
    }
}
