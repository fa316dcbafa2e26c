using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using ChargePortal.Web.Transactions.Signing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.SignedMeterValues;

/// <summary>
/// Signed meter values (Eichrecht) over real sockets and SQLite: stored with their sample and format, the meter's
/// public key kept per station, and the session's transparency file offered to its driver, staff and the site's owner.
/// </summary>
public sealed class SignedMeterValueTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>, IDisposable
{
    private const string DriverCard = "DEMO-DRIVER-CARD";
    private static readonly string[] MeterPublicKeys = ["MeterPublicKey1"];
    private readonly OcmfSamples _meter = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Version_201_signed_samples_are_stored_and_the_receipt_offers_a_file_that_verifies()
    {
        const string stationId = "AMS-ZA-02"; // on a site the demo owner owns
        await using var cp = await BootAsync(stationId, V201);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        var begin = _meter.Reading("B", 1.000m, t0, DriverCard);
        var end = _meter.Reading("E", 6.000m, t0.AddMinutes(25), DriverCard);

        var started = Ocpp.V201SessionOwnershipTests.Event("tx-signed", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: DriverCard);
        Sign(started, begin, _meter.WhitepaperPublicKey);
        await cp.CallOkAsync("TransactionEvent", started);
        var ended = Ocpp.V201SessionOwnershipTests.Event("tx-signed", "Ended", 1, t0.AddMinutes(25), "EVCommunicationLost", 6_000, "Transaction.End", stoppedReason: "EVDisconnected");
        Sign(ended, end, publicKey: ""); // PublicKeyWithSignedMeterValue = OncePerTransaction
        await cp.CallOkAsync("TransactionEvent", ended);

        var session = await SessionAsync(stationId, "tx-signed");
        var rows = await SignedRowsAsync(session.Id, 2);
        rows.Select(r => r.Context).ShouldBe(["Transaction.Begin", "Transaction.End"]);
        rows.ShouldAllBe(r => r.EncodingMethod == "OCMF" && r.Format == null);
        rows[0].SignedMeterData.ShouldBe(OcmfSamples.Base64(begin));
        rows[0].Value.ShouldBe(1_000m, "2.0.1 signs a numeric sample: both are kept");
        rows[0].PublicKey.ShouldBe(_meter.WhitepaperPublicKey);
        rows[1].PublicKey.ShouldBeNull("sent empty: the station's key stands in");
        (await EventuallyAsync(() => StationKeyAsync(stationId, 1), k => k is not null)).ShouldBe(_meter.WhitepaperPublicKey);
        session.EnergyWh.ShouldBe(5_000);

        // Operators through the API: every reading with the meter's key, verifiable as the transparency software does.
        var file = await factory.CreateApi().GetAsync($"/api/transactions/{session.Id}/signed-meter-values", Ct);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"session-{session.Id}-signed-meter-values.xml");
        AssertVerifies(await file.Content.ReadAsStringAsync(Ct), [begin, end]);

        // The driver: the receipt says the readings are signed and links the file, which they may download.
        var driver = await BrowserAsync("driver@chargeportal.local");
        var receipt = WebUtility.HtmlDecode(await driver.GetStringAsync($"/sessions/{session.Id}/receipt", Ct));
        receipt.ShouldContain("data-testid=\"signed-readings\"");
        System.Text.RegularExpressions.Regex.Replace(receipt, @"\s+", " ").ShouldContain("signed 2 readings of this session (OCMF)");
        receipt.ShouldContain(SignedMeterValuesSetup.PortalPath(session.Id));
        AssertVerifies(await driver.GetStringAsync(SignedMeterValuesSetup.PortalPath(session.Id), Ct), [begin, end]);

        // The site's owner may check it too (API key); another driver may not, and learns nothing.
        (await factory.CreateApi(await factory.ApiKeyForAsync("owner@chargeportal.local")).GetAsync($"/api/transactions/{session.Id}/signed-meter-values", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await NewDriverAsync();
        var otherApi = await factory.CreateApi(await factory.ApiKeyForAsync(other)).GetAsync($"/api/transactions/{session.Id}/signed-meter-values", Ct);
        otherApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherApi.Content.ReadAsStringAsync(Ct)).ShouldNotContain("OCMF");
        var otherBrowser = await BrowserAsync(other);
        (await otherBrowser.GetAsync(SignedMeterValuesSetup.PortalPath(session.Id), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await BrowserAsync(null)).GetAsync(SignedMeterValuesSetup.PortalPath(session.Id), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK, "signed out");
    }

    [Fact]
    public async Task Version_16_SignedData_from_MeterValues_and_StopTransaction_is_stored_and_the_key_comes_from_MeterPublicKey()
    {
        const string stationId = "V16-SIGNED-METER";
        await using var cp = await BootAsync(stationId, V16);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-40);
        var begin = _meter.Reading("B", 2.000m, t0, DriverCard);
        var end = _meter.Reading("E", 9.500m, t0.AddMinutes(35), DriverCard);

        var start = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = DriverCard, ["meterStart"] = 2_000, ["timestamp"] = Iso(t0) });
        var transactionId = start["transactionId"]!.GetValue<int>();

        // Whitepaper 3.1.2: the signed start value right after StartTransaction, as a SignedMeterValueType in JSON text.
        var signedStart = new JsonObject
        {
            ["signedMeterData"] = OcmfSamples.Base64(begin), ["signingMethod"] = "", ["encodingMethod"] = "OCMF", ["publicKey"] = "",
        }.ToJsonString();
        await cp.CallOkAsync("MeterValues", new JsonObject
        {
            ["connectorId"] = 1,
            ["transactionId"] = transactionId,
            ["meterValue"] = new JsonArray(new JsonObject
            {
                ["timestamp"] = Iso(t0),
                ["sampledValue"] = new JsonArray(
                    new JsonObject { ["value"] = "2000", ["context"] = "Transaction.Begin", ["measurand"] = "Energy.Active.Import.Register", ["unit"] = "Wh" },
                    new JsonObject { ["value"] = signedStart, ["format"] = "SignedData", ["context"] = "Transaction.Begin", ["measurand"] = "Energy.Active.Import.Register", ["unit"] = "Wh" }),
            }),
        });

        // The end value in StopTransaction's transactionData, as a station before the whitepaper sends it: the OCMF string itself.
        await cp.CallOkAsync("StopTransaction", new JsonObject
        {
            ["transactionId"] = transactionId,
            ["meterStop"] = 9_500,
            ["timestamp"] = Iso(t0.AddMinutes(35)),
            ["reason"] = "EVDisconnected",
            ["transactionData"] = new JsonArray(new JsonObject
            {
                ["timestamp"] = Iso(t0.AddMinutes(35)),
                ["sampledValue"] = new JsonArray(new JsonObject { ["value"] = end, ["format"] = "SignedData", ["context"] = "Transaction.End", ["measurand"] = "Energy.Active.Import.Register" }),
            }),
        });

        var session = await SessionAsync(stationId, transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rows = await SignedRowsAsync(session.Id, 2);
        rows.ShouldAllBe(r => r.Format == "SignedData" && r.Value == null && r.PublicKey == null);
        rows.Select(r => (r.Context, r.EncodingMethod, r.SignedMeterData)).ShouldBe([("Transaction.Begin", "OCMF", OcmfSamples.Base64(begin)), ("Transaction.End", "OCMF", end)]);
        session.EnergyWh.ShouldBe(7_500, "a signed value is no reading: the energy comes from the numbers");
        await using (var db = await DbAsync())
        {
            (await db.MeterValues.Where(m => m.TransactionId == session.Id).Select(m => m.Value).ToListAsync(Ct)).ShouldBe([2_000m]);
        }

        // Without a key the file still holds the readings (the driver copies the key from the meter's label).
        var withoutKey = XDocument.Parse(await DownloadAsOperatorAsync(session.Id)).Root!.Elements("value").ToList();
        withoutKey.Count.ShouldBe(2);
        withoutKey.ShouldAllBe(v => v.Element("publicKey") == null);

        // The CSMS reads the configuration (whitepaper 3.3.1): MeterPublicKey1 is connector 1's meter key.
        var reading = factory.CreateApi().PostAsJsonAsync($"/api/stations/{stationId}/commands/get-configuration", new { keys = MeterPublicKeys }, Ct);
        var call = await cp.ExpectCallAsync("GetConfiguration");
        await cp.RespondAsync(call, new JsonObject
        {
            ["configurationKey"] = new JsonArray(new JsonObject { ["key"] = "MeterPublicKey1", ["readonly"] = true, ["value"] = _meter.WhitepaperPublicKey }),
        });
        (await reading).EnsureSuccessStatusCode();
        (await EventuallyAsync(() => StationKeyAsync(stationId, 1), k => k is not null)).ShouldBe(_meter.WhitepaperPublicKey);
        AssertVerifies(await DownloadAsOperatorAsync(session.Id), [begin, end]);

        // A station on no site: its driver and staff only.
        var other = await NewDriverAsync();
        (await factory.CreateApi(await factory.ApiKeyForAsync(other)).GetAsync($"/api/transactions/{session.Id}/signed-meter-values", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.CreateApi(await factory.ApiKeyForAsync("owner@chargeportal.local")).GetAsync($"/api/transactions/{session.Id}/signed-meter-values", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.CreateApi(await factory.ApiKeyForAsync("driver@chargeportal.local")).GetAsync($"/api/transactions/{session.Id}/signed-meter-values", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_without_signed_values_has_no_file_and_its_receipt_says_nothing_about_signing()
    {
        const string stationId = "V16-UNSIGNED-METER";
        await using var cp = await BootAsync(stationId, V16);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
        var start = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = DriverCard, ["meterStart"] = 0, ["timestamp"] = Iso(t0) });
        var transactionId = start["transactionId"]!.GetValue<int>();
        await cp.CallOkAsync("StopTransaction", new JsonObject { ["transactionId"] = transactionId, ["meterStop"] = 1_000, ["timestamp"] = Iso(t0.AddMinutes(10)) });
        var session = await SessionAsync(stationId, transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var missing = await factory.CreateApi().GetAsync($"/api/transactions/{session.Id}/signed-meter-values", Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await factory.CreateApi().GetAsync("/api/transactions/987654321/signed-meter-values", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var driver = await BrowserAsync("driver@chargeportal.local");
        WebUtility.HtmlDecode(await driver.GetStringAsync($"/sessions/{session.Id}/receipt", Ct)).ShouldNotContain("data-testid=\"signed-readings\"");
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Signs the event's (only) sample: the OCMF string base64-encoded, as 2.0.1 carries signedMeterData.</summary>
    private static void Sign(JsonObject transactionEvent, string ocmf, string publicKey)
    {
        var sample = transactionEvent["meterValue"]![0]!["sampledValue"]![0]!.AsObject();
        sample["signedMeterValue"] = new JsonObject
        {
            ["signedMeterData"] = OcmfSamples.Base64(ocmf), ["signingMethod"] = "", ["encodingMethod"] = "OCMF", ["publicKey"] = publicKey,
        };
    }

    private void AssertVerifies(string xml, string[] ocmf)
    {
        var values = XDocument.Parse(xml).Root!.Elements("value").ToList();
        values.Select(v => v.Element("signedData")!.Value).ShouldBe(ocmf);
        foreach (var value in values)
        {
            ((string?)value.Element("signedData")!.Attribute("format")).ShouldBe("OCMF");
            value.Element("publicKey")!.Value.ShouldBe(_meter.PrintedKeyHex);
            OcmfSamples.Verifies(value.Element("signedData")!.Value, value.Element("publicKey")!.Value).ShouldBeTrue();
        }
    }

    private async Task<string> DownloadAsOperatorAsync(long sessionId)
    {
        var response = await factory.CreateApi().GetAsync($"/api/transactions/{sessionId}/signed-meter-values", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>A browser on the Kestrel host with its own cookies, signed in as <paramref name="email"/> (null: signed out).</summary>
    private async Task<HttpClient> BrowserAsync(string? email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = factory.BaseUri };
        if (email is not null)
        {
            (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        return client;
    }

    private async Task<RawOcppClient> BootAsync(string stationId, string[] version)
    {
        _ = factory.BaseUri;
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, version);
        (await cp.CallOkAsync("BootNotification", version == V16 ? Boot16() : Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        return cp;
    }

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<ChargingTransaction> SessionAsync(string stationId, string transactionId)
    {
        await using var db = await DbAsync();
        return await db.Transactions.AsNoTracking().SingleAsync(t => t.StationId == stationId && t.OcppTransactionId == transactionId, Ct);
    }

    /// <summary>The session's signed rows in time order, once the meter value writer stored <paramref name="count"/>.</summary>
    private async Task<List<SignedMeterReading>> SignedRowsAsync(long sessionId, int count)
    {
        var rows = await EventuallyAsync(async () =>
        {
            await using var db = await DbAsync();
            return await db.SignedMeterReadings.AsNoTracking().Where(r => r.TransactionId == sessionId).OrderBy(r => r.Timestamp).ThenBy(r => r.Id).ToListAsync(Ct);
        }, r => r.Count >= count);
        rows.Count.ShouldBe(count);
        return rows;
    }

    private async Task<string?> StationKeyAsync(string stationId, int evseId)
    {
        await using var db = await DbAsync();
        return await db.StationMeterKeys.AsNoTracking().Where(k => k.StationId == stationId && k.EvseId == evseId).Select(k => k.PublicKey).FirstOrDefaultAsync(Ct);
    }

    private async Task<string> NewDriverAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"signed-{Guid.NewGuid():N}@chargeportal.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, ChargePortalFactory.DemoPassword)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.Driver);
        return email;
    }
}
