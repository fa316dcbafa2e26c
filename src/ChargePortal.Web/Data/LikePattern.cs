namespace ChargePortal.Web.Data;

/// <summary>
/// LIKE patterns for case-insensitive equality where the provider compares text by case. PostgreSQL's '=' and LIKE
/// are case-sensitive and it has no NOCASE collation by default; ILIKE with an escaped pattern matches exactly the
/// text, ignoring case.
/// </summary>
public static class LikePattern
{
    /// <summary>The escape character the patterns below use; pass it as the escape argument of LIKE/ILIKE.</summary>
    public const string Escape = "\\";

    /// <summary>A pattern matching exactly <paramref name="text"/>: its wildcards ('%', '_') and the escape are escaped.</summary>
    public static string Exactly(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
}
