using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Operators.Firmware;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.LoadManagement;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.OperatorTools;

public sealed class OperatorToolsIntegrationTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly CommandActor Operator = new(DemoSeeder.OperatorEmail, null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A cookie-keeping client on the real socket that shows redirects instead of following them.</summary>
    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = factory.BaseUri };

    private T Service<T>()
        where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task Firmware_update_reaches_the_station_and_its_status_notifications_build_the_persisted_timeline()
    {
        const string id = "FW-16";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var retrieveAt = new DateTimeOffset(2026, 12, 24, 3, 0, 0, TimeSpan.Zero);

        var scheduling = Service<FirmwareService>().ScheduleAsync(id, new FirmwareRequest("https://files.example.com/fw-2.1.bin", retrieveAt, 2), Operator, Ct);
        var call = await cp.ExpectCallAsync("UpdateFirmware");
        call[3]!["location"]!.GetValue<string>().ShouldBe("https://files.example.com/fw-2.1.bin");
        call[3]!["retries"]!.GetValue<int>().ShouldBe(2);
        DateTimeOffset.Parse(call[3]!["retrieveDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(retrieveAt);
        await cp.RespondAsync(call, new JsonObject());
        var scheduled = await scheduling;
        scheduled.Error.ShouldBeNull();
        scheduled.Update!.Answer.ShouldBe("Accepted");

        string[] sequence = ["Downloading", "Downloaded", "Installing", "Installed"];
        foreach (var status in sequence)
        {
            await cp.CallOkAsync("FirmwareStatusNotification", new JsonObject { ["status"] = status });
        }

        var updates = await EventuallyAsync(() => Service<FirmwareService>().ListAsync(id, Ct), u => u.Count == 1 && u[0].Timeline.Count == sequence.Length);
        updates.Count.ShouldBe(1);
        updates[0].RequestedBy.ShouldBe(DemoSeeder.OperatorEmail);
        updates[0].Timeline.Select(e => e.Status).ShouldBe(sequence);
    }

    [Fact]
    public async Task Firmware_requests_with_bad_input_send_nothing_and_say_why()
    {
        const string id = "FW-BAD";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var firmware = Service<FirmwareService>();

        (await firmware.ScheduleAsync(id, new FirmwareRequest("files/fw.bin", DateTimeOffset.UtcNow, 1), Operator, Ct)).Error!.ShouldContain("absolute http, https or ftp URL");
        (await firmware.ScheduleAsync(id, new FirmwareRequest("file:///etc/passwd", DateTimeOffset.UtcNow, 1), Operator, Ct)).Error!.ShouldContain("absolute http, https or ftp URL");
        (await firmware.ScheduleAsync(id, new FirmwareRequest("https://x.example/fw", DateTimeOffset.UtcNow, -1), Operator, Ct)).Error!.ShouldContain("Retries");
        (await firmware.ScheduleAsync("NO-SUCH", new FirmwareRequest("https://x.example/fw", DateTimeOffset.UtcNow, 1), Operator, Ct)).Error!.ShouldContain("NO-SUCH");
        (await firmware.ListAsync(id, Ct)).ShouldBeEmpty();

        // The next call the station sees is this one: nothing was sent before.
        var ok = firmware.ScheduleAsync(id, new FirmwareRequest("ftp://files.example.com/fw.bin", DateTimeOffset.UtcNow, null), Operator, Ct);
        var call = await cp.ExpectCallAsync("UpdateFirmware");
        call[3]!["firmware"]!["location"]!.GetValue<string>().ShouldBe("ftp://files.example.com/fw.bin");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Rejected" });
        (await ok).Update!.Answer.ShouldBe("Rejected");
    }

    [Fact]
    public async Task Diagnostics_upload_is_downloadable_by_operators_only_and_only_under_its_station()
    {
        const string id = "DIAG-201";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V201);
        await cp.CallOkAsync("BootNotification", Boot201());

        var requesting = Service<DiagnosticsService>().RequestAsync(id, null, null, Operator, factory.BaseUri, Ct);
        var call = await cp.ExpectCallAsync("GetLog");
        var location = call[3]!["log"]!["remoteLocation"]!.GetValue<string>();
        location.ShouldStartWith(factory.BaseUri + "uploads/diagnostics/");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted", ["filename"] = "diag.log" });
        (await requesting).Answer!.Status.ShouldBe(CommandStatus.Accepted);
        await cp.CallOkAsync("LogStatusNotification", new JsonObject { ["status"] = "Uploading", ["requestId"] = call[3]!["requestId"]!.DeepClone() });

        var bytes = Encoding.UTF8.GetBytes("2026-11-25 boot ok\n2026-11-25 relay fault cleared\n");
        using (var upload = new HttpClient())
        using (var content = new ByteArrayContent(bytes))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            (await upload.PutAsync(location + "/diag.log", content, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var files = await Service<DiagnosticsService>().ListAsync(id, Ct);
        var file = files.ShouldHaveSingleItem();
        file.FileName.ShouldBe("diag.log");
        file.SizeBytes.ShouldBe(bytes.Length);

        var anonymous = await Browser().GetAsync($"/operator/stations/{id}/diagnostics/{file.Id}", Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");

        var driver = Browser();
        await driver.SignInAsync(DemoSeeder.DriverEmail, ChargePortalFactory.DemoPassword);
        var denied = await driver.GetAsync($"/operator/stations/{id}/diagnostics/{file.Id}", Ct);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        var op = Browser();
        await op.SignInAsync(DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword);
        var download = await op.GetAsync($"/operator/stations/{id}/diagnostics/{file.Id}", Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bytes);
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("diag.log");

        (await op.GetAsync($"/operator/stations/AMS-CS-01/diagnostics/{file.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await op.GetAsync($"/operator/stations/{id}/diagnostics/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Ocpp16_diagnostics_request_carries_the_upload_url()
    {
        const string id = "DIAG-16";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V16);
        await cp.CallOkAsync("BootNotification", Boot16());

        var from = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        (await Service<DiagnosticsService>().RequestAsync(id, from, from.AddDays(-1), Operator, factory.BaseUri, Ct)).Error!.Kind.ShouldBe(CommandFailure.BadArguments);

        var requesting = Service<DiagnosticsService>().RequestAsync(id, from, from.AddDays(1), Operator, factory.BaseUri, Ct);
        var call = await cp.ExpectCallAsync("GetDiagnostics");
        call[3]!["location"]!.GetValue<string>().ShouldStartWith(factory.BaseUri + "uploads/diagnostics/");
        await cp.RespondAsync(call, new JsonObject { ["fileName"] = "diag.zip" });
        (await requesting).Answer.ShouldNotBeNull();
        (await Service<DiagnosticsService>().ListAsync(id, Ct)).ShouldHaveSingleItem().ReceivedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Two_sessions_on_a_limited_site_each_get_half_the_limit()
    {
        int siteId;
        await using (var db = await Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            siteId = await db.Stations.Where(s => s.Id == "AMS-ZA-01").Select(s => s.SiteId!.Value).SingleAsync(Ct);
            (await db.Stations.Where(s => s.Id == "AMS-ZA-02").Select(s => s.SiteId).SingleAsync(Ct)).ShouldBe(siteId);
        }

        (await Service<SiteLoadSettings>().SetLimitAsync(siteId, 16_000, Ct)).ShouldBeEmpty();

        await using var first = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-ZA-01", V16);
        await first.CallOkAsync("BootNotification", Boot16());
        await using var second = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-ZA-02", V16);
        await second.CallOkAsync("BootNotification", Boot16());

        var tx1 = (await first.CallOkAsync("StartTransaction", Start()))["transactionId"]!.GetValue<int>();
        var alone = await ExpectProfileAsync(first);
        alone.Limit.ShouldBe(16_000m);
        alone.TransactionId.ShouldBe(tx1);

        var tx2 = (await second.CallOkAsync("StartTransaction", Start()))["transactionId"]!.GetValue<int>();
        var (firstShare, secondShare) = (await ExpectProfileAsync(first), await ExpectProfileAsync(second));
        firstShare.Limit.ShouldBe(8_000m);
        firstShare.TransactionId.ShouldBe(tx1);
        secondShare.Limit.ShouldBe(8_000m);
        secondShare.TransactionId.ShouldBe(tx2);
        secondShare.Purpose.ShouldBe("TxProfile");

        // The first session ends: the second gets the whole limit back (capped at its 11 kW connector).
        await first.CallOkAsync("StopTransaction", new JsonObject { ["transactionId"] = tx1, ["meterStop"] = 1_000, ["timestamp"] = Iso(DateTimeOffset.UtcNow) });
        (await ExpectProfileAsync(second)).Limit.ShouldBe(11_000m);

        // Bad limits are refused before anything changes.
        SiteLoadSettings.Validate(0).ShouldNotBeNull();
        SiteLoadSettings.Validate(-5).ShouldNotBeNull();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Service<SiteLoadSettings>().SetLimitAsync(siteId, -5, Ct));
        (await Service<SiteLoadSettings>().FindAsync(siteId, Ct))!.MaxPowerW.ShouldBe(16_000);
        (await Service<SiteLoadSettings>().SetLimitAsync(99_999, 1_000, Ct)).ShouldBeNull();
    }

    private static JsonObject Start() => new() { ["connectorId"] = 1, ["idTag"] = "DEMO-FLEET-001", ["meterStart"] = 0, ["timestamp"] = Iso(DateTimeOffset.UtcNow) };

    private static async Task<(decimal Limit, int TransactionId, string Purpose)> ExpectProfileAsync(RawOcppClient cp)
    {
        var call = await cp.ExpectCallAsync("SetChargingProfile");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var profile = call[3]!["csChargingProfiles"]!;
        call[3]!["connectorId"]!.GetValue<int>().ShouldBe(1);
        return (profile["chargingSchedule"]!["chargingSchedulePeriod"]![0]!["limit"]!.GetValue<decimal>(),
            profile["transactionId"]!.GetValue<int>(),
            profile["chargingProfilePurpose"]!.GetValue<string>());
    }
}

public sealed class OperatorToolPageAuthorizationTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Paths() =>
    [
        "/operator/stations/AMS-CS-01/firmware",
        "/operator/stations/AMS-CS-01/local-list",
        "/operator/stations/AMS-CS-01/smart-charging",
        "/operator/sites/1/load",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Operators_see_the_page(string path)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword);
        (await client.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Drivers_and_site_owners_are_denied(string path)
    {
        foreach (var email in new[] { DemoSeeder.DriverEmail, DemoSeeder.OwnerEmail })
        {
            var client = factory.CreateBrowserLikeClient();
            await client.SignInAsync(email, ChargePortalFactory.DemoPassword);
            var response = await client.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}
