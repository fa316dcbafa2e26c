using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Ocpp.Endpoint;
using ChargePortal.Web.Stations;
using ChargePortal.Web.StationSecurity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Tests.StationSecurity;

/// <summary>Profile 0 outside Development only where the operator allowed it; passwords per OCPP's passwordString.</summary>
public sealed class SecurityProfileRulesTests
{
    [Fact]
    public void Outside_Development_profile_0_needs_allowUnsecured()
    {
        SecurityProfileRules.Refusal(0, hasPassword: false, allowUnsecured: false, isDevelopment: false).ShouldNotBeNull().ShouldContain("allowUnsecured");
        SecurityProfileRules.Refusal(0, hasPassword: false, allowUnsecured: true, isDevelopment: false).ShouldBeNull();
        SecurityProfileRules.Refusal(0, hasPassword: false, allowUnsecured: false, isDevelopment: true).ShouldBeNull();
        SecurityProfileRules.Refusal(3, hasPassword: false, allowUnsecured: false, isDevelopment: false).ShouldBeNull();
    }

    [Fact]
    public void Outside_Development_a_profile_0_station_connects_only_when_allowed()
    {
        var production = new StationAuthenticator(Options.Create(new OcppOptions()), new HostingEnvironment { EnvironmentName = Environments.Production },
            NullLogger<StationAuthenticator>.Instance);
        var context = new DefaultHttpContext();
        production.Check(context, new Station { Id = "P0", SecurityProfile = 0 }).ShouldNotBeNull().ShouldContain("profile 0");
        production.Check(context, new Station { Id = "P0", SecurityProfile = 0, AllowUnsecured = true }).ShouldBeNull();
    }

    [Fact]
    public void Generated_passwords_are_random_passwordStrings_a_16_AuthorizationKey_can_hold()
    {
        var a = StationPasswords.Generate();
        var b = StationPasswords.Generate();
        a.ShouldNotBe(b);
        StationPasswords.Validate(a).ShouldBeNull();
        StationPasswords.ToAuthorizationKey(a).Length.ShouldBeLessThanOrEqualTo(40);
        StationPasswords.FromAuthorizationKey(StationPasswords.ToAuthorizationKey(a)).ShouldBe(a);
        StationPasswords.FromAuthorizationKey("typed-as-is-password").ShouldBe("typed-as-is-password");
    }
}
