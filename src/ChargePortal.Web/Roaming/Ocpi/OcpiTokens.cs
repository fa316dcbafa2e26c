using System.Security.Cryptography;
using System.Text;

namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>Credentials tokens: generated, hashed for storage, and read from an <c>Authorization: Token …</c> header.</summary>
public static class OcpiTokens
{
    public const int MaxLength = 64;

    /// <summary>A fresh token of printable ASCII (URL-safe base64 of 32 random bytes, 43 characters).</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>2.2.1 sends the token base64-encoded; 2.1.1 partners send it as is.</summary>
    public static string Encode(string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes(token));

    /// <summary>
    /// The tokens a header may stand for: the base64-decoded value (2.2.1) and the value as sent (2.1.1, or a token that
    /// happens to be valid base64). The caller tries each against what it stored. Empty when there is no Token header.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string? authorization)
    {
        const string scheme = "Token ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var raw = authorization[scheme.Length..].Trim();
        if (raw.Length == 0)
        {
            return [];
        }

        var candidates = new List<string>(2) { raw };
        var buffer = new byte[raw.Length];
        if (Convert.TryFromBase64String(raw, buffer, out var written))
        {
            var decoded = Encoding.UTF8.GetString(buffer, 0, written);
            if (decoded.Length > 0 && decoded.All(c => c is >= '!' and <= '~'))
            {
                candidates.Insert(0, decoded);
            }
        }

        return candidates;
    }
}
