using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChargePortal.Web.Data;

/// <summary>
/// Per-connection SQLite settings.
/// <para>
/// In WAL mode <c>synchronous=NORMAL</c> syncs at checkpoints instead of on every commit: a crash of the process loses
/// nothing, a power cut may lose the last commits but never corrupts the file. That is SQLite's own advice for WAL, and
/// it turns thousands of fsyncs a second under a large fleet into a few.
/// </para>
/// <para>
/// <c>busy_timeout</c>: a write that finds another writer holding the file (a write outside the
/// <see cref="DatabaseWriteGate"/>, or another process on the same file) is retried by SQLite itself, within
/// milliseconds of the lock's release. Microsoft.Data.Sqlite leaves it at 0 and retries after sleeping 150 ms
/// instead, which showed as 150–300 ms tails. 30 s is the same bound as its default command timeout.
/// </para>
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
