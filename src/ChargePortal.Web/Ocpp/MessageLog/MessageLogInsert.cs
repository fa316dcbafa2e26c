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
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<OcppMessageLogEntry> entries, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            db.OcppMessageLog.AddRange(entries);
            await db.SaveChangesAsync(ct);
            return;
        }

        var columns = Columns(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = InsertSql(db, columns);
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

    private static Column[] Columns(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OcppMessageLogEntry))
            ?? throw new InvalidOperationException("OcppMessageLogEntry is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return [.. entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), p.GetTypeMapping().Converter))];
    }

    private static string InsertSql(AppDbContext db, Column[] columns)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(OcppMessageLogEntry))!;
        return $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, ValueConverter? Converter)
    {
        public object? Read(OcppMessageLogEntry entry)
        {
            var value = Getter.GetClrValue(entry);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
