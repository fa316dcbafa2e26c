using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>Every options section is checked at start: a wrong value stops the host with a message naming its key.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Ocpp:CallTimeoutSeconds", "0", "Ocpp:CallTimeoutSeconds: The field CallTimeoutSeconds must be between 1 and 600.")]
    [InlineData("Ocpp:HeartbeatIntervalSeconds", "-5", "Ocpp:HeartbeatIntervalSeconds:")]
    [InlineData("Ocpp:MaxFrameBytes", "10", "Ocpp:MaxFrameBytes:")]
    [InlineData("Ocpp:KeepAliveSeconds", "abc", "Ocpp:KeepAliveSeconds")]
    [InlineData("Ocpp:UnknownStationRegistration", "Maybe", "Ocpp:UnknownStationRegistration")]
    [InlineData("Alerts:OfflineCheckSeconds", "0", "Alerts:OfflineCheckSeconds:")]
    [InlineData("Reservations:MaxActivePerDriver", "0", "Reservations:MaxActivePerDriver:")]
    [InlineData("Reservations:NoShowFee", "-3", "Reservations:NoShowFee:")]
    [InlineData("Accounts:RevalidationIntervalSeconds", "0", "Accounts:RevalidationIntervalSeconds:")]
    [InlineData("Email:Smtp:Port", "70000", "Email:Smtp:Port: 70000 is not a TCP port")]
    [InlineData("Map:DefaultCenter", "somewhere", "Map:DefaultCenter: 'somewhere' is not \"latitude,longitude\"")]
    [InlineData("Map:TileUrl", "", "Map:TileUrl:")]
    [InlineData("Stripe:ApiBase", "api.stripe.com", "Stripe:ApiBase: 'api.stripe.com' is not an absolute http(s) URL.")]
    [InlineData("Stripe:WebhookMaxBytes", "1", "Stripe:WebhookMaxBytes:")]
    public async Task A_wrong_value_stops_the_start_naming_the_key(string key, string value, string message)
    {
        await using var factory = new OneSettingFactory(key, value);
        var failure = Should.Throw<Exception>(() => factory.CreateClient());
        Flatten(failure).ShouldContain(message, Case.Sensitive);
    }

    [Fact]
    public async Task The_shipped_defaults_and_Development_settings_start()
    {
        await using var factory = new ChargePortalFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();
    }

    private static string Flatten(Exception e) => e is AggregateException a
        ? string.Join(" ", a.InnerExceptions.Select(Flatten))
        : e.Message + (e.InnerException is { } inner ? " " + Flatten(inner) : "");

    private sealed class OneSettingFactory(string key, string value) : ChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
    }
}
