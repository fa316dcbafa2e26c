using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace ChargePortal.Web.Data;

/// <summary>
/// A prepared SQLite statement run once per row of one entity type, bound from each row without boxing or per-row
/// objects: every column reads its property through a compiled delegate, applies the model's value converter, and
/// binds the provider value the way Microsoft.Data.Sqlite would (integers, reals, text; decimals as invariant text).
/// </summary>
internal sealed class SqliteRowStatement<TEntity>
    where TEntity : class
{
    private readonly string _sql;
    private readonly ColumnBinder<TEntity>[] _columns;

    private SqliteRowStatement(string sql, ColumnBinder<TEntity>[] columns)
    {
        _sql = sql;
        _columns = columns;
    }

    /// <summary>INSERT of every stored column; with <paramref name="skipExisting"/> a row whose key exists is left as it is.</summary>
    public static SqliteRowStatement<TEntity> Insert(DbContext db, bool skipExisting = false)
    {
        var (entity, table, sql) = Describe(db);
        var properties = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToArray();
        return new SqliteRowStatement<TEntity>(
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => Placeholder(i)))})" +
            (skipExisting ? " ON CONFLICT DO NOTHING" : ""),
            [.. properties.Select(ColumnBinder<TEntity>.For)]);
    }

    /// <summary>UPDATE of the named properties' columns of the row with the entity's (single-column) key.</summary>
    public static SqliteRowStatement<TEntity> Update(DbContext db, IReadOnlyCollection<string> propertyNames)
    {
        var (entity, table, sql) = Describe(db);
        var key = entity.FindPrimaryKey() is { Properties: [var single] } ? single
            : throw new NotSupportedException($"{typeof(TEntity).Name}: only a single-column key is supported.");
        var properties = propertyNames.Select(name => entity.FindProperty(name)
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{name} is not a stored property.")).ToArray();
        return new SqliteRowStatement<TEntity>(
            $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"SET {string.Join(", ", properties.Select((p, i) => $"{sql.DelimitIdentifier(p.GetColumnName(table)!)} = {Placeholder(i)}"))} " +
            $"WHERE {sql.DelimitIdentifier(key.GetColumnName(table)!)} = {Placeholder(properties.Length)}",
            [.. properties.Append(key).Select(ColumnBinder<TEntity>.For)]);
    }

    /// <summary>Runs the statement for each row on the open connection, inside the caller's transaction.</summary>
    public void Run(sqlite3 connection, IEnumerable<TEntity> rows)
    {
        Check(raw.sqlite3_prepare_v2(connection, _sql, out var statement), connection);
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < _columns.Length; i++)
                {
                    Check(_columns[i].Bind(statement, i + 1, row), connection);
                }

                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(done, connection);
                }

                Check(raw.sqlite3_reset(statement), connection);
            }
        }
    }

    private static (IEntityType Entity, StoreObjectIdentifier Table, ISqlGenerationHelper Sql) Describe(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), db.GetService<ISqlGenerationHelper>());
    }

    private static string Placeholder(int index) => "?" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void Check(int result, sqlite3 connection) => SqliteException.ThrowExceptionForRC(result, connection);
}

/// <summary>Reads one column's value from a row and binds it to a statement parameter.</summary>
internal abstract class ColumnBinder<TEntity>
{
    private static readonly HashSet<Type> Bindable =
        [typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(decimal)];

    public abstract int Bind(sqlite3_stmt statement, int index, TEntity row);

    public static ColumnBinder<TEntity> For(IProperty property)
    {
        if (property.PropertyInfo is not { } clrProperty)
        {
            throw new NotSupportedException($"{typeof(TEntity).Name}.{property.Name}: shadow properties are not supported.");
        }

        var row = Expression.Parameter(typeof(TEntity), "row");
        Expression value = Expression.Property(row, clrProperty);
        Expression isNull = Expression.Constant(false);
        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            isNull = Expression.Not(Expression.Property(value, nameof(Nullable<int>.HasValue)));
            value = Expression.Call(value, nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes);
        }
        else if (!value.Type.IsValueType)
        {
            isNull = Expression.ReferenceEqual(value, Expression.Constant(null, value.Type));
        }

        if (property.GetTypeMapping().Converter is { } converter)
        {
            var toProvider = converter.ConvertToProviderExpression;
            if (toProvider.Parameters[0].Type != value.Type)
            {
                throw new NotSupportedException($"{typeof(TEntity).Name}.{property.Name}: converter from {toProvider.Parameters[0].Type.Name} on a {value.Type.Name}.");
            }

            value = ReplacingExpressionVisitor.Replace(toProvider.Parameters[0], value, toProvider.Body);
        }

        if (!Bindable.Contains(value.Type))
        {
            throw new NotSupportedException($"{typeof(TEntity).Name}.{property.Name}: {value.Type.Name} values are not supported.");
        }

        var binder = typeof(ColumnBinder<,>).MakeGenericType(typeof(TEntity), value.Type);
        return (ColumnBinder<TEntity>)Activator.CreateInstance(binder,
            Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(TEntity), typeof(bool)), isNull, row).Compile(),
            Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(TEntity), value.Type), value, row).Compile())!;
    }
}

internal sealed class ColumnBinder<TEntity, TValue>(Func<TEntity, bool> isNull, Func<TEntity, TValue> read) : ColumnBinder<TEntity>
{
    // Microsoft.Data.Sqlite's text form of a decimal, so these rows read and compare like the ones EF writes.
    private const string DecimalFormat = "0.0###########################";

    public override int Bind(sqlite3_stmt statement, int index, TEntity row)
    {
        if (isNull(row))
        {
            return raw.sqlite3_bind_null(statement, index);
        }

        var value = read(row);

        // TValue is fixed per column, so the JIT keeps one branch and no box.
        if (typeof(TValue) == typeof(string))
        {
            return raw.sqlite3_bind_text16(statement, index, ((string)(object)value!).AsSpan());
        }

        if (typeof(TValue) == typeof(long))
        {
            return raw.sqlite3_bind_int64(statement, index, (long)(object)value!);
        }

        if (typeof(TValue) == typeof(int))
        {
            return raw.sqlite3_bind_int64(statement, index, (int)(object)value!);
        }

        if (typeof(TValue) == typeof(short))
        {
            return raw.sqlite3_bind_int64(statement, index, (short)(object)value!);
        }

        if (typeof(TValue) == typeof(byte))
        {
            return raw.sqlite3_bind_int64(statement, index, (byte)(object)value!);
        }

        if (typeof(TValue) == typeof(bool))
        {
            return raw.sqlite3_bind_int64(statement, index, (bool)(object)value! ? 1 : 0);
        }

        if (typeof(TValue) == typeof(double))
        {
            return raw.sqlite3_bind_double(statement, index, (double)(object)value!);
        }

        if (typeof(TValue) == typeof(decimal))
        {
            Span<char> text = stackalloc char[64];
            return ((decimal)(object)value!).TryFormat(text, out var length, DecimalFormat, CultureInfo.InvariantCulture)
                ? raw.sqlite3_bind_text16(statement, index, text[..length])
                : throw new InvalidOperationException($"Decimal {value} does not fit its text form.");
        }

        throw new NotSupportedException($"{typeof(TValue).Name} values are not supported.");
    }
}
