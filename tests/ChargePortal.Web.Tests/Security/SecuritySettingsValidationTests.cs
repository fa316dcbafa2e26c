namespace ChargePortal.Web.Tests.Security;

/// <summary>A wrong security setting stops the host at start with a message naming it, instead of running unprotected.</summary>
public sealed class SecuritySettingsValidationTests
{
    [Theory]
    [InlineData("Hosting:PublicBaseUrl", "charge.example.com", "Hosting:PublicBaseUrl must be an absolute http(s) address")]
    [InlineData("Hosting:PublicBaseUrl", "https://charge.example.com/?x=1", "Hosting:PublicBaseUrl must be an absolute http(s) address")]
    [InlineData("Hosting:ForwardedHeaders:Enabled", "true", "Hosting:ForwardedHeaders:Enabled needs KnownProxies or KnownNetworks")]
    [InlineData("Hosting:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "KnownNetworks: '10.0.0.0/99' is not a network")]
    [InlineData("RateLimits:ApiPerKey:WindowSeconds", "0", "RateLimits:ApiPerKey: PermitLimit must be 0 (off) or more and WindowSeconds 1 to 86400")]
    [InlineData("RateLimits:SignInFailuresPerAccount:PermitLimit", "-1", "RateLimits:SignInFailuresPerAccount:")]
    public async Task A_bad_value_refuses_to_start_naming_the_setting(string key, string value, string message)
    {
        await using var factory = new OneSettingFactory(key, value);
        var failure = Should.Throw<Exception>(() => factory.CreateClient());
        Flatten(failure).ShouldContain(message, Case.Sensitive);
    }

    private static string Flatten(Exception e) => e is AggregateException a
        ? string.Join(" ", a.InnerExceptions.Select(Flatten))
        : e.Message + (e.InnerException is { } inner ? " " + Flatten(inner) : "");

    private sealed class OneSettingFactory(string key, string value) : ProductionChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Payments:Provider"] = "Simulated",
            [key] = value,
        };
    }
}
