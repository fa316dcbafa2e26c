using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.CustomerInformation;
using ChargePortal.Web.Users;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.CustomerInformation;

/// <summary>Deleting a driver's account asks every 2.0.1 station that saw their tokens to clear them (N10), offline ones when they reconnect.</summary>
public sealed class DriverDeletionClearanceTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stations_reconnecting_together_wake_the_clears_loop_once_not_once_each()
    {
        var clearances = factory.Services.GetRequiredService<CustomerDataClearances>();
        await WaitIdleAsync(clearances);
        var before = clearances.Passes;

        // What a reconnect storm does: a connect and a boot event per station, thousands in a second.
        for (var i = 0; i < 2_000; i++)
        {
            clearances.Wake();
        }

        await WaitIdleAsync(clearances);
        var passes = clearances.Passes - before;
        passes.ShouldBeGreaterThanOrEqualTo(1, "a wake-up must still start a pass");
        passes.ShouldBeLessThanOrEqualTo(3, "wake-ups that arrive while one is pending are one");
    }

    private static async Task WaitIdleAsync(CustomerDataClearances clearances)
    {
        // Idle: no pass started for half a second.
        var last = -1L;
        while (last != clearances.Passes)
        {
            last = clearances.Passes;
            await Task.Delay(500, Ct);
        }
    }

    [Fact]
    public async Task Deleting_a_driver_queues_clears_at_the_stations_that_saw_the_token_and_sends_them_when_each_is_connected()
    {
        var userId = await CreateDriverAsync("gdpr-driver@example.test", "GDPR-CARD-1");

        // CI-SESSION saw the card in a session and is offline at deletion; CI-AUTHORIZE saw it in an Authorize and is online;
        // a 1.6 station with a session and a 2.0.1 station that never saw the card get nothing.
        await using (var first = await BootAsync("CI-SESSION"))
        {
        }

        await using var authorizing = await BootAsync("CI-AUTHORIZE");
        await authorizing.CallOkAsync("Authorize", new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = "GDPR-CARD-1", ["type"] = "ISO14443" } });
        await using var bystander = await BootAsync("CI-BYSTANDER");
        await using (var v16 = await RawOcppClient.ConnectAsync(factory.OcppUri, "CI-OLD16", OcppTestData.V16))
        {
            await v16.CallOkAsync("BootNotification", OcppTestData.Boot16());
        }

        await AddSessionAsync("CI-SESSION", "GDPR-CARD-1", userId);
        await AddSessionAsync("CI-OLD16", "GDPR-CARD-1", userId);
        await WaitLoggedAsync("CI-AUTHORIZE", "Authorize");

        var adminId = await factory.UserIdAsync(DemoSeeder.AdminEmail);
        var deletion = factory.Services.GetRequiredService<AccountDeletion>();
        var result = await deletion.DeleteAsync(userId, adminId, DemoSeeder.AdminEmail, Ct);
        result.Error.ShouldBeNull();
        result.Done.ShouldBeTrue();

        // The connected station is asked at once: clear, no report, by the token.
        var call = await authorizing.ExpectCallAsync("CustomerInformation");
        ((bool)call[3]!["clear"]!).ShouldBeTrue();
        ((bool)call[3]!["report"]!).ShouldBeFalse();
        ((string)call[3]!["idToken"]!["idToken"]!).ShouldBe("GDPR-CARD-1");
        ((string)call[3]!["idToken"]!["type"]!).ShouldBe("ISO14443");
        await authorizing.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });

        var api = factory.CreateApi();
        var clearances = await ClearancesAsync(api, c => c.Any(x => x.GetProperty("stationId").GetString() == "CI-AUTHORIZE" && x.GetProperty("state").GetString() == "Accepted"));
        clearances.Select(c => c.GetProperty("stationId").GetString()).Order().ShouldBe(["CI-AUTHORIZE", "CI-SESSION"]);
        var pending = clearances.Single(c => c.GetProperty("stationId").GetString() == "CI-SESSION");
        pending.GetProperty("state").GetString().ShouldBe("Pending");
        pending.GetProperty("attempts").GetInt32().ShouldBe(0);

        // The offline station gets it when it is back.
        await using var back = await BootAsync("CI-SESSION");
        var late = await back.ExpectCallAsync("CustomerInformation");
        ((string)late[3]!["idToken"]!["idToken"]!).ShouldBe("GDPR-CARD-1");
        await back.RespondAsync(late, new JsonObject { ["status"] = "Accepted" });
        clearances = await ClearancesAsync(api, c => c.All(x => x.GetProperty("state").GetString() == "Accepted"));
        clearances.ShouldAllBe(c => c.GetProperty("state").GetString() == "Accepted");

        // The account and its card are gone, and the deletion is audited.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Users.AnyAsync(u => u.Id == userId, Ct)).ShouldBeFalse();
        (await db.IdTokens.AnyAsync(t => t.IdTag == "GDPR-CARD-1", Ct)).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync(a => a.Action == AccountDeletion.AuditAction && a.Details!.Contains("gdpr-driver@example.test"), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_driver_with_payments_is_not_deleted_and_nothing_is_queued()
    {
        var userId = await CreateDriverAsync("gdpr-payer@example.test", "GDPR-CARD-2");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Payments.Add(new Web.Payments.Payment { UserId = userId, Currency = "EUR", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        var result = await factory.Services.GetRequiredService<AccountDeletion>().DeleteAsync(userId, await factory.UserIdAsync(DemoSeeder.AdminEmail), "admin", Ct);
        result.Done.ShouldBeFalse();
        result.Error!.ShouldContain("payment record");
        (await ClearancesAsync(factory.CreateApi(), _ => true)).ShouldNotContain(c => c.GetProperty("idToken").GetString() == "GDPR-CARD-2");
    }

    private async Task<string> CreateDriverAsync(string email, string card)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.Driver);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.IdTokens.Add(new IdToken { IdTag = card, UserId = user.Id, Kind = IdTokenKind.Rfid, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Ct);
        return user.Id;
    }

    private async Task AddSessionAsync(string stationId, string idTag, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Transactions.Add(new ChargingTransaction
        {
            StationId = stationId, EvseId = 1, ConnectorId = 1, OcppTransactionId = "tx-" + stationId, IdTag = idTag, UserId = userId,
            StartedAt = DateTimeOffset.UtcNow.AddHours(-3), StoppedAt = DateTimeOffset.UtcNow.AddHours(-2),
        });
        await db.SaveChangesAsync(Ct);
    }

    private async Task WaitLoggedAsync(string stationId, string action) =>
        await OcppTestData.EventuallyAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OcppMessageLog.AnyAsync(m => m.StationId == stationId && m.Action == action, Ct);
        }, logged => logged);

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        return cp;
    }

    private static Task<List<JsonElement>> ClearancesAsync(HttpClient api, Func<List<JsonElement>, bool> until) =>
        OcppTestData.EventuallyAsync(async () =>
            (await api.GetFromJsonAsync<JsonElement>("/api/customer-data-clearances", Ct)).EnumerateArray().Select(e => e.Clone()).ToList(), until);
}
