using System.Text.Json.Nodes;
using Bunit;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.StationSecurity;
using ChargePortal.Web.StationSecurity.Certificates;
using ChargePortal.Web.StationSecurity.Console;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

/// <summary>The console's Security tab panels: credentials (profile, profile-0 warning, rotation) and certificates.</summary>
public sealed class StationSecurityPanelsTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    public StationSecurityPanelsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_profile_0_station_shows_what_it_exposes()
    {
        var panel = Render<StationCredentialsPanel>(p => p
            .Add(c => c.Credentials, new StationCredentialsDto("CP-0", 0, false, true))
            .Add(c => c.Apply, _ => throw new InvalidOperationException("nothing is sent by rendering")));

        panel.Find("[data-testid=credentials-profile]").TextContent.ShouldContain("Security profile 0");
        panel.Find("[data-testid=credentials-unsecured-warning]").TextContent.ShouldContain("any client that knows the station id connect as this station");
        panel.Find("[data-testid=credentials-rotate]").TextContent.ShouldContain("Generate a password");
    }

    [Fact]
    public void A_password_station_shows_no_warning()
    {
        var panel = Render<StationCredentialsPanel>(p => p
            .Add(c => c.Credentials, new StationCredentialsDto("CP-1", 2, true, false))
            .Add(c => c.Apply, _ => throw new InvalidOperationException()));

        panel.FindAll("[data-testid=credentials-unsecured-warning]").ShouldBeEmpty();
        panel.Find("[data-testid=credentials-profile]").TextContent.ShouldContain("password over TLS");
        panel.Find("[data-testid=credentials-password-state]").TextContent.ShouldBe("A password is set.");
    }

    [Fact]
    public async Task Rotation_asks_for_a_generated_password_and_shows_it_once_with_the_stations_answer()
    {
        var sent = new List<StationCredentialsPatch>();
        StationCredentialsDto? changed = null;
        var panel = Render<StationCredentialsPanel>(p => p
            .Add(c => c.Credentials, new StationCredentialsDto("CP-1", 1, true, false))
            .Add(c => c.Changed, (StationCredentialsDto c) => changed = c)
            .Add(c => c.Apply, patch =>
            {
                sent.Add(patch);
                return Task.FromResult(new StationCredentialsResult(new StationCredentialsDto("CP-1", 1, true, false,
                    new PasswordChangeDto(true, "Accepted", true), "Generated0123456789x")));
            }));

        await panel.Find("[data-testid=credentials-rotate]").ClickAsync(new());

        sent.ShouldHaveSingleItem().ShouldBe(new StationCredentialsPatch(GeneratePassword: true));
        panel.Find("[data-testid=credentials-new-password]").TextContent.ShouldContain("Generated0123456789x");
        panel.Find("[data-testid=credentials-result]").TextContent.ShouldContain("The station accepted the new password (Accepted); the old one no longer works.");
        changed.ShouldNotBeNull().Password.ShouldBe("Generated0123456789x");
    }

    [Fact]
    public async Task Rotating_a_profile_0_station_moves_it_to_profile_1_and_a_refusal_is_shown()
    {
        var sent = new List<StationCredentialsPatch>();
        var panel = Render<StationCredentialsPanel>(p => p
            .Add(c => c.Credentials, new StationCredentialsDto("CP-0", 0, false, true))
            .Add(c => c.Apply, patch =>
            {
                sent.Add(patch);
                return Task.FromResult(new StationCredentialsResult(null, CredentialsFailure.Timeout, "Station 'CP-0' did not answer in time."));
            }));

        await panel.Find("[data-testid=credentials-rotate]").ClickAsync(new());

        sent.ShouldHaveSingleItem().ShouldBe(new StationCredentialsPatch(GeneratePassword: true, SecurityProfile: 1));
        panel.FindAll("[data-testid=credentials-new-password]").ShouldBeEmpty();
        panel.Find("[data-testid=credentials-result]").TextContent.ShouldContain("did not answer in time");
    }

    [Fact]
    public async Task Certificates_show_expiry_warnings_and_renewal_reports_the_stations_answer()
    {
        var renewed = 0;
        var panel = Render<StationCertificatesPanel>(p => p
            .Add(c => c.Now, Now)
            .Add(c => c.WarningDays, 30)
            .Add(c => c.Certificates,
            [
                Certificate(1, "Issued", "ChargingStationCertificate", Now.AddDays(12), "Accepted"),
                Certificate(2, "Reported", "CSMSRootCertificate", Now.AddYears(5), null),
            ])
            .Add(c => c.Renew, () =>
            {
                renewed++;
                return Task.FromResult(new CertificateOperationResult(
                    new StationAnswer(CommandStatus.Accepted, "Accepted", new JsonObject { ["action"] = "TriggerMessage", ["status"] = "Accepted" }), null));
            })
            .Add(c => c.Refresh, () => throw new InvalidOperationException())
            .Add(c => c.Install, (_, _) => throw new InvalidOperationException())
            .Add(c => c.Delete, _ => throw new InvalidOperationException()));

        var rows = panel.FindAll("[data-testid=certificate-row]");
        rows.Count.ShouldBe(2);
        panel.FindAll("[data-testid=certificate-expiring]").ShouldHaveSingleItem().TextContent.ShouldContain("in 12 days");
        panel.FindAll("[data-testid=certificate-delete]").Count.ShouldBe(1); // only what the station reported can be deleted from it

        await panel.Find("[data-testid=certificates-renew]").ClickAsync(new());

        renewed.ShouldBe(1);
        panel.Find("[data-testid=certificates-result]").TextContent.ShouldContain("The station answered TriggerMessage: Accepted.");
    }

    [Fact]
    public async Task Deleting_on_an_offline_station_says_nothing_was_sent()
    {
        long? asked = null;
        var panel = Render<StationCertificatesPanel>(p => p
            .Add(c => c.Now, Now)
            .Add(c => c.Certificates, [Certificate(7, "Reported", "ManufacturerRootCertificate", null, null)])
            .Add(c => c.Delete, id =>
            {
                asked = id;
                return Task.FromResult<CertificateOperationResult?>(new(null, new CommandError(CommandFailure.Offline, "Station 'CP-1' is not connected.")));
            })
            .Add(c => c.Renew, () => throw new InvalidOperationException())
            .Add(c => c.Refresh, () => throw new InvalidOperationException())
            .Add(c => c.Install, (_, _) => throw new InvalidOperationException()));

        await panel.Find("[data-testid=certificate-delete]").ClickAsync(new());

        asked.ShouldBe(7);
        panel.Find("[data-testid=certificates-result]").TextContent.ShouldContain("The station is offline, so nothing was sent.");
    }

    private static StationCertificateDto Certificate(long id, string source, string type, DateTimeOffset? notAfter, string? delivery) => new(
        id, source, type, $"CN={type}", "CN=Issuer", "1f", notAfter?.AddYears(-1), notAfter,
        new CertificateHashDto("SHA256", "aa", "bb", "1f"), Now, delivery);
}
