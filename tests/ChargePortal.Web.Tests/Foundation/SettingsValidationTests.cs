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
    [InlineData("Ocpp:UnknownStationRegistration", "Maybe", "Ocpp:UnknownStationRegistration must be ")]
    [InlineData("Alerts:OfflineCheckSeconds", "0", "Alerts:OfflineCheckSeconds:")]
    [InlineData("Reservations:MaxActivePerDriver", "0", "Reservations:MaxActivePerDriver:")]
    [InlineData("Reservations:NoShowFee", "-3", "Reservations:NoShowFee:")]
    [InlineData("Accounts:RevalidationIntervalSeconds", "0", "Accounts:RevalidationIntervalSeconds:")]
    [InlineData("Email:Smtp:Port", "70000", "Email:Smtp:Port: 70000 is not a TCP port")]
    [InlineData("Map:DefaultCenter", "somewhere", "Map:DefaultCenter: 'somewhere' is not \"latitude,longitude\"")]
    [InlineData("Map:TileUrl", "", "Map:TileUrl:")]
    [InlineData("Stripe:ApiBase", "api.stripe.com", "Stripe:ApiBase: 'api.stripe.com' is not an absolute http(s) URL.")]
    [InlineData("Stripe:WebhookMaxBytes", "1", "Stripe:WebhookMaxBytes:")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider must be Sqlite, SqlServer or PostgreSql, not 'Oracle'.")]
    [InlineData("Database:MigrateOnStartup", "sometimes", "Database:MigrateOnStartup")]
    [InlineData("Cluster:NodeId", "node a", "Cluster:NodeId: 'node a' is invalid: use 1-64 letters, digits, '.', '_' or '-'.")]
    [InlineData("Cluster:ChannelPrefix", "a/b", "Cluster:ChannelPrefix: 'a/b' is invalid")]
    [InlineData("Cluster:LeaseSeconds", "0", "Cluster:LeaseSeconds:")]
    [InlineData("Operations:MetricsAllowedNetworks", "10.0.0.0/8, not-a-network", "Operations:MetricsAllowedNetworks: has 'not-a-network', which is not an address or CIDR network")]
    [InlineData("DataProtection:CertificatePath", "/nonexistent/keyring.pfx", "DataProtection:CertificatePath: points to '/nonexistent/keyring.pfx', which does not exist.")]
    [InlineData("Demo:SimulatedStations", "-1", "Demo:SimulatedStations:")]
    [InlineData("Seed:DemoHistoryDays", "1000", "Seed:DemoHistoryDays:")]
    [InlineData("Seed:DemoPassword", "", "Seed:DemoPassword: is empty, but Seed:DemoData is on")]
    [InlineData("Hosting:ShutdownTimeoutSeconds", "0", "Hosting:ShutdownTimeoutSeconds:")]
    [InlineData("Pricing:SequenceWait", "-00:05:00", "Pricing:SequenceWait:")]
    [InlineData("StationCa:CertificateValidityDays", "0", "StationCa:CertificateValidityDays:")]
    [InlineData("Roaming:RequestTimeoutSeconds", "0", "Roaming:RequestTimeoutSeconds:")]
    [InlineData("Payments:Provider", "Cash", "Payments:Provider must be")]
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
