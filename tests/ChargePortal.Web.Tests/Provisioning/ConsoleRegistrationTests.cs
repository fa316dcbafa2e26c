using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Stations.Provisioning;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Provisioning;

/// <summary>The console's registration buttons make the same, audited change as PATCH registrationStatus.</summary>
public sealed class ConsoleRegistrationTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accepting_a_pending_station_from_the_console_stores_and_audits_it()
    {
        await using (var db = await Db())
        {
            db.Stations.Add(new Station { Id = "REG-CONSOLE", Name = "Waiting", RegistrationStatus = StationRegistrationStatus.Pending, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        var editor = factory.Services.GetRequiredService<StationEditor>();
        (await editor.RegistrationOfAsync("REG-CONSOLE", Ct)).ShouldBe(StationRegistrationStatus.Pending);
        (await editor.SetRegistrationAsync("REG-CONSOLE", StationRegistrationStatus.Accepted, new CommandActor("olivia@example.com", null), Ct)).ShouldBeNull();

        (await editor.RegistrationOfAsync("REG-CONSOLE", Ct)).ShouldBe(StationRegistrationStatus.Accepted);
        await using var check = await Db();
        var audit = await check.AuditEntries.SingleAsync(a => a.StationId == "REG-CONSOLE" && a.Action == "update-station", Ct);
        audit.Actor.ShouldBe("olivia@example.com");
        audit.Details!.ShouldContain("\"registrationStatus\":\"Accepted\"");
    }

    [Fact]
    public async Task An_unknown_station_is_refused_with_the_reason()
    {
        var editor = factory.Services.GetRequiredService<StationEditor>();
        (await editor.RegistrationOfAsync("REG-NOBODY", Ct)).ShouldBeNull();
        (await editor.SetRegistrationAsync("REG-NOBODY", StationRegistrationStatus.Accepted, new CommandActor("op", null), Ct)).ShouldBe("No station 'REG-NOBODY' is registered.");
    }

    private Task<AppDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
