using System.Runtime.CompilerServices;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChargePortal.Web.Ocpp.MessageLog;

/// <summary>
/// Inserts message-log rows in one transaction. Every frame in and out is logged, so a large fleet writes tens of
/// thousands of rows a second: on SQLite one prepared INSERT is re-bound per row, skipping change tracking and the
/// per-row RETURNING of generated keys nobody reads. Column names and value conversions (enums as text, SQLite's
/// DateTimeOffset encoding) come from the EF model, so the rows are exactly what EF itself would write.
/// Other providers batch well through EF.
/// </summary>
internal static class MessageLogInsert
{
    // The model is built once per context type; so is the statement (resolving it from metadata on every flush
    // was work repeated four times a second).
    private static readonly ConditionalWeakTable<IModel, InsertStatement> Statements = [];

    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<OcppMessageLogEntry> entries, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            db.OcppMessageLog.AddRange(entries);
            await db.SaveChangesAsync(ct);
            return;
        }

        var statement = Statements.GetValue(db.Model, _ => Build(db));
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

            foreach (var entry in entries)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = columns[i].Read(entry) ?? DBNull.Value;
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

    private static InsertStatement Build(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OcppMessageLogEntry))
            ?? throw new InvalidOperationException("OcppMessageLogEntry is not in the model.");
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
        public object? Read(OcppMessageLogEntry entry)
        {
            var value = Getter.GetClrValue(entry);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
