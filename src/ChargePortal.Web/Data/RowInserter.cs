using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChargePortal.Web.Data;

/// <summary>
/// Inserts many rows of one entity type in one transaction, for the writers that keep up with a whole fleet: every
/// OCPP frame in and out is logged and every meter sample stored, tens of thousands of rows a second. On SQLite one
/// prepared INSERT is re-bound per row, skipping change tracking and the per-row RETURNING of generated keys nobody
/// reads. Column names and value conversions (enums as text, SQLite's DateTimeOffset encoding) come from the EF
/// model, so the rows are exactly what EF itself would write. Other providers batch well through EF.
/// </summary>
internal static class RowInserter
{
    // The model is built once per context type; so is each entity's statement (resolving it from metadata on every
    // flush was work repeated several times a second).
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, InsertStatement>> Statements = [];

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

        var statement = Statements.GetValue(db.Model, _ => new()).GetOrAdd(typeof(TEntity), _ => Build(db, typeof(TEntity)));
        var columns = statement.Columns;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = statement.Sql;
            var parameters = columns.Select((_, i) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$p" + i;
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            await command.PrepareAsync(ct);

            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static InsertStatement Build(AppDbContext db, Type clrType)
    {
        var entity = db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Column[] columns = [.. entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), p.GetTypeMapping().Converter))];
        var sql = db.GetService<ISqlGenerationHelper>();
        return new InsertStatement(
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})",
            columns);
    }

    private sealed record InsertStatement(string Sql, Column[] Columns);

    private sealed record Column(string Name, IClrPropertyGetter Getter, ValueConverter? Converter)
    {
        public object? Read(object entity)
        {
            var value = Getter.GetClrValue(entity);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
