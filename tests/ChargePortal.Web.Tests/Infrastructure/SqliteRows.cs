using Microsoft.Data.Sqlite;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>Rows as SQLite holds them, for tests that check two ways of writing store exactly the same bytes.</summary>
internal static class SqliteRows
{
    /// <summary>
    /// Every column of the rows where <paramref name="keyColumn"/> is <paramref name="key"/> (but the excluded ones) as
    /// <c>name=storage class:hex</c>, in insert order.
    /// </summary>
    public static async Task<List<string>> StoredAsync(string databasePath, string table, string keyColumn, string key, IReadOnlyCollection<string> excluded,
        CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync(ct);
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
            await using var names = await info.ExecuteReaderAsync(ct);
            while (await names.ReadAsync(ct))
            {
                if (!excluded.Contains(names.GetString(0)))
                {
                    columns.Add(names.GetString(0));
                }
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(" || ' ' || ", columns.Select(c => $"'{c}=' || typeof(\"{c}\") || ':' || hex(\"{c}\")"))} " +
            $"FROM \"{table}\" WHERE \"{keyColumn}\" = $key ORDER BY rowid";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
