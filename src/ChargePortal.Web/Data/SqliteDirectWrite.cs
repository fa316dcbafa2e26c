using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace ChargePortal.Web.Data;

/// <summary>
/// Writes through SQLite's own API on a context's connection, for the writers that keep up with a whole fleet
/// (<see cref="RowInserter"/>, the station state writer): prepared <see cref="SqliteRowStatement{TEntity}"/>s run in
/// one transaction, without EF's change tracking and command batching.
/// </summary>
internal static class SqliteDirectWrite
{
    // The model is built once per context type; so is each statement (resolving it from metadata on every flush was
    // work repeated several times a second).
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<(Type Entity, string Name), object>> Statements = [];

    /// <summary>The statement built once per model under <paramref name="name"/>.</summary>
    public static SqliteRowStatement<TEntity> Statement<TEntity>(DbContext db, string name, Func<DbContext, SqliteRowStatement<TEntity>> build)
        where TEntity : class =>
        (SqliteRowStatement<TEntity>)Statements.GetValue(db.Model, static _ => new())
            .GetOrAdd((typeof(TEntity), name), static (_, state) => state.build(state.db), (db, build));

    /// <summary>Runs <paramref name="write"/> on the context's SQLite connection in one transaction, committed when it returns.</summary>
    public static async Task InTransactionAsync(DbContext db, Action<sqlite3> write, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            write(((SqliteConnection)db.Database.GetDbConnection()).Handle!);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
