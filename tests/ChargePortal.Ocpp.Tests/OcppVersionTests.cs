namespace ChargePortal.Ocpp.Tests;

public class OcppVersionTests
{
    [Theory]
    [InlineData(new[] { "ocpp2.0.1", "ocpp1.6" }, OcppVersion.V201)]
    [InlineData(new[] { "ocpp1.6", "ocpp2.0.1" }, OcppVersion.V16)]
    [InlineData(new[] { "ocpp2.0", "ocpp1.6" }, OcppVersion.V16)]
    public void Negotiate_picks_first_supported_in_client_order(string[] requested, OcppVersion expected)
        => OcppVersions.Negotiate(requested).ShouldBe(expected);

    [Fact]
    public void Negotiate_returns_null_when_nothing_supported()
        => OcppVersions.Negotiate(["ocpp1.5", "ocpp2.1"]).ShouldBeNull();
}
