using Serilog.Core;
using Serilog.Events;

namespace ChargePortal.Web.Hosting.Logging;

/// <summary>
/// Rewrites the URL-like properties of every log event (ASP.NET Core's "Request starting … {Path}{QueryString}",
/// Serilog's request line, HttpClient's {Uri}) through <see cref="LogRedaction.Url"/>, so an API key sent to the hub as
/// <c>?access_token=</c>, a reset or confirmation code, or a Stripe client secret never reaches a sink.
/// </summary>
public sealed class SecretRedactingEnricher : ILogEventEnricher
{
    private static readonly string[] UrlProperties = ["QueryString", "Path", "RequestPath", "Uri", "Url", "RequestUri", "RedirectUri", "Location", "ReturnUrl"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in UrlProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } raw }
                && raw.ToString() is { Length: > 0 } text)
            {
                var redacted = LogRedaction.Url(text);
                if (!ReferenceEquals(redacted, text) && redacted != text)
                {
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
                }
            }
        }
    }
}
