using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>
/// The writes every API command makes (its audit row, the key's last use) take their turn at the SQLite write gate,
/// as the OCPP path's writes do. Outside the gate a write that meets a message-log flush gets SQLITE_BUSY and is
/// retried after a 150 ms sleep: under load that was the commands' p99. Real SQLite; the test holds the turn itself.
/// </summary>
public sealed class ApiWriteTurnTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DatabaseWriteGate Gate => factory.Services.GetRequiredService<DatabaseWriteGate>();

    [Fact]
    public async Task A_commands_audit_row_waits_for_the_write_turn_and_is_stored_after_it()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "PostgreSQL has no single-writer gate (ProviderBatchingTests).");
        var marker = "turn-" + Guid.NewGuid().ToString("N");
        Task recording;
        using (await Gate.EnterAsync(Ct))
        {
            recording = factory.Services.GetRequiredService<AuditLog>().RecordAsync("operator", null, "reset", "AMS-ZA-01", "{}", marker, Ct);
            await Task.Delay(300, Ct);
            recording.IsCompleted.ShouldBeFalse("the audit write must wait while another writer holds the turn");
        }

        await recording.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        (await db.AuditEntries.CountAsync(e => e.Outcome == marker, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_keys_last_use_waits_for_the_write_turn_and_the_key_is_then_accepted()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "PostgreSQL has no single-writer gate (ProviderBatchingTests).");
        using var scope = factory.Services.CreateScope();
        var operatorUser = await scope.ServiceProvider.GetRequiredService<UserManager<Accounts.ApplicationUser>>().FindByEmailAsync("operator@chargeportal.local");
        var keys = factory.Services.GetRequiredService<ApiKeyService>();
        var key = await keys.CreateAsync(operatorUser!.Id, "write turn", Ct); // never used: its first use is written

        Task<string?> validating;
        using (await Gate.EnterAsync(Ct))
        {
            validating = keys.ValidateAsync(key.Key, Ct);
            await Task.Delay(300, Ct);
            validating.IsCompleted.ShouldBeFalse("the last-use write must wait while another writer holds the turn");
        }

        (await validating.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe(operatorUser.Id);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        (await db.ApiKeys.SingleAsync(k => k.Id == key.Id, Ct)).LastUsedAt.ShouldNotBeNull();
    }
}
