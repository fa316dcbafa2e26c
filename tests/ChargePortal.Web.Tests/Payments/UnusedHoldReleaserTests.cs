using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>
/// Holds whose remote start was accepted but whose session never came are released after
/// Payments:UnusedHoldTimeout; holds in use never are. Time is a FakeTimeProvider; the database is the host's SQLite.
/// </summary>
public sealed class UnusedHoldReleaserTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDbContextFactory<AppDbContext> DbFactory => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private PaymentService Payments => factory.Services.GetRequiredService<PaymentService>();

    /// <summary>A hold at <paramref name="stationId"/> with its own idTag, whose remote start the station accepted.</summary>
    private async Task<Payment> AcceptedHoldAsync(string stationId, string? idTag = null) =>
        (await DriverHolds.AcceptedAsync(factory.Services, stationId, idTag, Ct)).Hold;

    private async Task<Payment> ReloadAsync(int id)
    {
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
    }

    private async Task<long> SessionAsync(string stationId, string idTag, DateTimeOffset startedAt)
    {
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        var tx = new ChargingTransaction { StationId = stationId, OcppTransactionId = Guid.NewGuid().ToString("N"), ConnectorId = 1, EvseId = 1, IdTag = idTag, StartedAt = startedAt };
        db.Transactions.Add(tx);
        await db.SaveChangesAsync(Ct);
        return tx.Id;
    }

    private UnusedHoldReleaser Releaser(TimeProvider time) =>
        new(DbFactory, Payments, factory.Services.GetRequiredService<HoldAuthentication>(), factory.Services.GetRequiredService<UnansweredHolds>(),
            new PaymentOptions { UnusedHoldTimeout = Timeout }, time, NullLogger<UnusedHoldReleaser>.Instance);

    [Fact]
    public async Task An_accepted_hold_without_a_session_is_released_after_the_timeout_with_the_reason()
    {
        var hold = await AcceptedHoldAsync("AMS-CS-02");
        var accepted = (await ReloadAsync(hold.Id)).StartAcceptedAt.ShouldNotBeNull();
        var time = new FakeTimeProvider(accepted);
        var releaser = Releaser(time);

        time.Advance(Timeout - TimeSpan.FromSeconds(1));
        await releaser.RunOnceAsync(Ct);
        (await ReloadAsync(hold.Id)).Status.ShouldBe(PaymentStatus.Authorized);

        time.Advance(TimeSpan.FromSeconds(2));
        await releaser.RunOnceAsync(Ct);
        var released = await ReloadAsync(hold.Id);
        released.Status.ShouldBe(PaymentStatus.Cancelled);
        released.FailureReason.ShouldBe("Released: no session started within 3 min of the remote start");
        released.CapturedAmount.ShouldBe(0m);

        await releaser.RunOnceAsync(Ct); // a second pass finds nothing left to do
        (await ReloadAsync(hold.Id)).Status.ShouldBe(PaymentStatus.Cancelled);
    }

    [Fact]
    public async Task A_hold_linked_to_a_session_is_never_released()
    {
        var hold = await AcceptedHoldAsync("AMS-CS-03");
        var sessionId = await SessionAsync("AMS-CS-03", hold.IdTag!, DateTimeOffset.UtcNow);
        (await Payments.LinkAsync("AMS-CS-03", hold.IdTag!, sessionId, Ct)).ShouldBeTrue();

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        time.Advance(TimeSpan.FromHours(5));
        await Releaser(time).RunOnceAsync(Ct);

        var kept = await ReloadAsync(hold.Id);
        kept.Status.ShouldBe(PaymentStatus.Authorized);
        kept.TransactionId.ShouldBe(sessionId);
        (await Payments.ReleaseAsync(hold.Id, "direct", Ct)).ShouldBeFalse(); // not even when asked directly
    }

    [Fact]
    public async Task A_session_whose_link_has_not_arrived_yet_gets_its_hold_linked_instead_of_released()
    {
        var hold = await AcceptedHoldAsync("AMS-CS-04");
        var sessionId = await SessionAsync("AMS-CS-04", hold.IdTag!, DateTimeOffset.UtcNow);

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        time.Advance(Timeout * 2);
        await Releaser(time).RunOnceAsync(Ct);

        var kept = await ReloadAsync(hold.Id);
        kept.Status.ShouldBe(PaymentStatus.Authorized);
        kept.TransactionId.ShouldBe(sessionId);
    }

    [Fact]
    public async Task An_older_session_with_the_same_tag_does_not_keep_a_new_hold()
    {
        const string idTag = "APP-OLDSESSION1";
        await SessionAsync("AMS-ZA-01", idTag, DateTimeOffset.UtcNow.AddHours(-3));
        var hold = await AcceptedHoldAsync("AMS-ZA-01", idTag);

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        time.Advance(Timeout + TimeSpan.FromSeconds(5));
        await Releaser(time).RunOnceAsync(Ct);
        (await ReloadAsync(hold.Id)).Status.ShouldBe(PaymentStatus.Cancelled);
    }

    private static async Task EventuallyAsync(FakeTimeProvider time, TimeSpan step, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "condition not met in time");
            time.Advance(step);
            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task The_background_job_releases_on_the_leader_as_fake_time_passes()
    {
        var hold = await AcceptedHoldAsync("AMS-ZA-02");
        var time = new FakeTimeProvider((await ReloadAsync(hold.Id)).StartAcceptedAt!.Value);
        var gate = new CountingGate(UnusedHoldReleaserHost.JobName, leader: true);
        using var host = new UnusedHoldReleaserHost(Releaser(time), gate, time, NullLogger<UnusedHoldReleaserHost>.Instance);
        host.Interval.ShouldBe(TimeSpan.FromSeconds(18));
        await host.StartAsync(Ct);
        try
        {
            var accepted = time.GetUtcNow();
            await EventuallyAsync(time, host.Interval, async () => (await ReloadAsync(hold.Id)).Status == PaymentStatus.Cancelled);
            (time.GetUtcNow() - accepted).ShouldBeGreaterThan(Timeout); // not a pass earlier
            gate.Asked.ShouldBeGreaterThan(0);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_background_job_does_nothing_on_a_node_that_is_not_the_leader()
    {
        var hold = await AcceptedHoldAsync("AMS-ZA-03");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        var gate = new CountingGate(UnusedHoldReleaserHost.JobName, leader: false);
        using var host = new UnusedHoldReleaserHost(Releaser(time), gate, time, NullLogger<UnusedHoldReleaserHost>.Instance);
        await host.StartAsync(Ct);
        try
        {
            // Each pass asks the gate before any work; after two passes the first one is certainly done.
            await EventuallyAsync(time, host.Interval, () => Task.FromResult(gate.Asked >= 2));
            (await ReloadAsync(hold.Id)).Status.ShouldBe(PaymentStatus.Authorized);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
