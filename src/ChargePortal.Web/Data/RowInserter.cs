using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Data;

/// <summary>
/// Inserts many rows of one entity type in one transaction, for the writers that keep up with a whole fleet: every
/// OCPP frame in and out is logged and every meter sample stored, tens of thousands of rows a second. On SQLite one
/// prepared INSERT is re-bound per row straight through SQLite's own API, skipping change tracking, the per-row
/// RETURNING of generated keys nobody reads, and the objects ADO.NET allocates per parameter and per execution (at
/// 10,000 stations those were a third of the host's garbage). Column names and value conversions (enums as text,
/// SQLite's DateTimeOffset encoding) come from the EF model, and values are stored as Microsoft.Data.Sqlite stores
/// them, so the rows are exactly what EF itself would write. Other providers batch well through EF.
/// </summary>
internal static class RowInserter
{
    public static async Task InsertAsync<TEntity>(AppDbContext db, IReadOnlyList<TEntity> rows, CancellationToken ct)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!db.Database.IsSqlite())
        {
            db.Set<TEntity>().AddRange(rows);
            await db.SaveChangesAsync(ct);
            return;
        }

        var statement = SqliteDirectWrite.Statement<TEntity>(db, "insert", static db => SqliteRowStatement<TEntity>.Insert(db));
        await SqliteDirectWrite.InTransactionAsync(db, connection => statement.Run(connection, rows), ct);
    }
}
