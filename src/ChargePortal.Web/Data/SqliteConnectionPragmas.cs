using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChargePortal.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> syncs at checkpoints instead of on every
/// commit: a crash of the process loses nothing, a power cut may lose the last commits but never corrupts the file.
/// That is SQLite's own advice for WAL, and it turns thousands of fsyncs a second under a large fleet into a few.
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

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
