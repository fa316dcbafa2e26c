using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.StationSecurity;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChargePortal.Web.Tests.StationSecurity;

/// <summary>
/// Scheduled password rotation through the A01 path, driven by a fake clock: a connected profile 1/2 station whose
/// password is older than its interval is sent a new one when the job ticks, and afterwards only the new one opens its
/// connection; profile 3, opted-out and offline stations are left alone; every rotation is audited.
/// </summary>
public sealed class ScheduledPasswordRotationTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string Password = "rotation-password-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_due_station_is_rotated_when_the_job_ticks_and_afterwards_only_the_new_password_opens_it()
    {
        const string id = "SCHED-ROT-16";
        await RegisterAsync(id);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Stations.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PasswordChangedAt, DateTimeOffset.UtcNow.AddDays(-31)), Ct);
        }

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var job = new PasswordRotationService(Rotation(clock, intervalDays: 30), factory.Services.GetRequiredService<IClusterSingletonGate>(),
            Options.Create(new PasswordRotationOptions { IntervalDays = 30, CheckMinutes = 60 }), clock, NullLogger<PasswordRotationService>.Instance);

        string newPassword;
        await using (var cp = await ConnectAsync(id, Password))
        {
            await job.StartAsync(Ct);

            // The job's timer starts on its own thread: move the fake clock an hour at a time until the job has ticked.
            using var ticking = new CancellationTokenSource();
            var ticker = Task.Run(async () =>
            {
                while (!ticking.IsCancellationRequested)
                {
                    clock.Advance(TimeSpan.FromMinutes(60));
                    await Task.Delay(250, CancellationToken.None);
                }
            }, Ct);
            var call = await cp.ExpectCallAsync("ChangeConfiguration");
            await ticking.CancelAsync();
            await ticker;

            call[3]!["key"]!.GetValue<string>().ShouldBe("AuthorizationKey");
            newPassword = Encoding.UTF8.GetString(Convert.FromHexString(call[3]!["value"]!.GetValue<string>()));
            await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
            await WaitForAuditAsync(id);
            await job.StopAsync(Ct);
        }

        newPassword.ShouldNotBe(Password);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", Password)).ShouldBe(HttpStatusCode.Unauthorized);
        await using (var cp = await ConnectAsync(id, newPassword))
        {
            (await cp.CallOkAsync("BootNotification", OcppTestData.Boot16()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        }

        (await WaitForAuditAsync(id)).Outcome.ShouldBe("Rotated");
    }

    [Fact]
    public async Task Profile_3_opted_out_not_yet_due_and_offline_stations_are_not_rotated_but_a_stations_own_interval_is_honoured()
    {
        string[] connected = ["SCHED-P3", "SCHED-OPTOUT", "SCHED-FRESH", "SCHED-OWN-7"];
        foreach (var id in connected.Append("SCHED-OFFLINE"))
        {
            await RegisterAsync(id);
        }

        var stations = new List<RawOcppClient>();
        try
        {
            foreach (var id in connected)
            {
                stations.Add(await ConnectAsync(id, Password));
            }

            await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
            {
                // Moved to profile 3 while connected: only the profile keeps it from rotation.
                await db.Stations.Where(s => s.Id == "SCHED-P3").ExecuteUpdateAsync(u => u.SetProperty(s => s.SecurityProfile, 3), Ct);
                await db.Stations.Where(s => s.Id == "SCHED-FRESH").ExecuteUpdateAsync(u => u.SetProperty(s => s.PasswordRotationDays, 60), Ct);
            }

            (await factory.CreateApi().PatchAsJsonAsync("/api/stations/SCHED-OPTOUT", new { passwordRotationDays = 0 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var own = await factory.CreateApi().PatchAsJsonAsync("/api/stations/SCHED-OWN-7", new { passwordRotationDays = 7 }, Ct);
            (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("passwordRotationDays").GetInt32().ShouldBe(7);

            // Eight days on, with no global interval: only the station with its own 7-day interval is due.
            var rotation = Rotation(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8)), intervalDays: 0);
            var pass = rotation.RotateDueAsync(Ct);
            var own7 = stations[3];
            var call = await own7.ExpectCallAsync("ChangeConfiguration");
            await own7.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
            (await pass).ShouldBe(["SCHED-OWN-7"]);
            stations.Remove(own7);
            await own7.DisposeAsync(); // offline from here on: not rotated again although due once more in forty days

            // Forty days on with a 30-day global interval: SCHED-FRESH (60 days), the opted-out, profile 3 and offline stations stay as they are.
            (await Rotation(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(40)), intervalDays: 30).RotateDueAsync(Ct)).ShouldBeEmpty();
            foreach (var cp in stations)
            {
                await cp.CallOkAsync("Heartbeat", new JsonObject()); // the answer is the next frame: no ChangeConfiguration was sent
            }
        }
        finally
        {
            foreach (var cp in stations)
            {
                await cp.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_rotation_interval_out_of_range_is_a_400_and_changes_nothing()
    {
        await RegisterAsync("SCHED-BAD");

        var response = await factory.CreateApi().PatchAsJsonAsync("/api/stations/SCHED-BAD", new { passwordRotationDays = 5000 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("passwordRotationDays");
        var credentials = await factory.CreateApi().GetFromJsonAsync<JsonElement>("/api/stations/SCHED-BAD/credentials", Ct);
        credentials.TryGetProperty("passwordRotationDays", out var days).ShouldBeTrue();
        days.ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private PasswordRotation Rotation(TimeProvider clock, int intervalDays) => new(
        factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
        factory.Services.GetRequiredService<IStationCallRouter>(),
        factory.Services.GetRequiredService<StationCredentials>(),
        factory.Services.GetRequiredService<AuditLog>(),
        Options.Create(new PasswordRotationOptions { IntervalDays = intervalDays }),
        clock,
        NullLogger<PasswordRotation>.Instance);

    private async Task<AuditEntry> WaitForAuditAsync(string id)
    {
        var entries = await OcppTestData.EventuallyAsync(async () =>
        {
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
            return await db.AuditEntries.AsNoTracking().Where(a => a.StationId == id && a.Action == PasswordRotation.AuditAction).ToListAsync(Ct);
        }, e => e.Count > 0);
        return entries.ShouldHaveSingleItem();
    }

    private async Task RegisterAsync(string id) =>
        (await factory.CreateApi().PostAsJsonAsync("/api/stations", new { id, name = id, password = Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

    private async Task<RawOcppClient> ConnectAsync(string id, string password)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, OcppTestData.V16, password);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        return cp;
    }
}
