using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Prescient.Engine.Storage;

namespace Prescient.Storage.Postgres;

/// <summary>
/// The ledger's appends as the database announces them (the <c>trades_notify</c> trigger of migration
/// 0002: <c>pg_notify('prescient_trades', seq)</c>), on a connection of its own. A dropped connection is
/// logged and opened again after <see cref="RetryAfter"/>; appends announced while it was down are not
/// replayed (a reader re-reads the state it shows on the next one).
/// </summary>
public sealed partial class PostgresLedgerNotifications(NpgsqlDataSource database, TimeProvider time, ILogger<PostgresLedgerNotifications> logger) : ILedgerNotifications
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async IAsyncEnumerable<long> ListenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var announced = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
        var listening = ListenLoopAsync(announced.Writer, cancellationToken);
        try
        {
            await foreach (var seq in announced.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return seq;
            }
        }
        finally
        {
            await listening.ConfigureAwait(false);
        }
    }

    private async Task ListenLoopAsync(ChannelWriter<long> announced, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
                    {
                        announced.TryWrite(seq);
                    }
                };
                await using (var listen = new NpgsqlCommand("listen prescient_trades", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                LogListening(logger);
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                LogDropped(logger, e.Message, RetryAfter);
                try
                {
                    await Task.Delay(RetryAfter, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        announced.TryComplete();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for ledger appends (prescient_trades)")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger announcements lost their connection ({Problem}); listening again in {RetryAfter}")]
    private static partial void LogDropped(ILogger logger, string problem, TimeSpan retryAfter);
}
