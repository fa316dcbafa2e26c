using System.Text.RegularExpressions;

namespace ChargePortal.Web.Hosting.Logging;

/// <summary>What never goes into a log line: credentials in URLs, and whole e-mail addresses.</summary>
public static partial class LogRedaction
{
    public const string Mask = "***";

    /// <summary>Query parameters that carry a credential or a one-time code.</summary>
    public static readonly IReadOnlySet<string> SecretParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "access_token", "code", "token", "key", "api_key", "apikey", "password", "secret", "client_secret",
        "payment_intent_client_secret", "setup_intent_client_secret", "session_id", "userId", "id_token", "refresh_token",
        "email", // personal data, e.g. the registration confirmation page's address
    };

    /// <summary>
    /// A URL, path or query string with the values of <see cref="SecretParameters"/> and the token of a diagnostics
    /// upload URL replaced by <c>***</c>. Other parameters stay readable.
    /// </summary>
    public static string Url(string text)
    {
        if (text.Contains('=', StringComparison.Ordinal))
        {
            text = QueryParameter().Replace(text, m => SecretParameters.Contains(Uri.UnescapeDataString(m.Groups["name"].Value))
                ? m.Groups["lead"].Value + m.Groups["name"].Value + "=" + Mask
                : m.Value);
        }

        return text.Contains("/uploads/diagnostics/", StringComparison.OrdinalIgnoreCase) ? UploadToken().Replace(text, "${path}" + Mask) : text;
    }

    /// <summary><c>d***@example.com</c>: enough to tell accounts apart in a log, not enough to harvest addresses.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }

        var at = email.LastIndexOf('@');
        return at <= 0 ? Mask : email[0] + Mask + email[at..];
    }

    [GeneratedRegex(@"(?<lead>[?&;]|^)(?<name>[^=&?#;\s]+)=(?<value>[^&#;\s]*)", RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameter();

    [GeneratedRegex(@"(?<path>/uploads/diagnostics/)[^/?#\s]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UploadToken();
}
