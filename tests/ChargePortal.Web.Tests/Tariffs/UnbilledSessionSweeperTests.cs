using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChargePortal.Web.Tests.Tariffs;

/// <summary>
/// Sessions whose TransactionEnded never reached pricing (a lossy stream, a stopped node) are still billed: priced with
/// the tariff, the card hold captured, the receipt mailed; once, and never a session the event path may still bill.
/// Demo tariff at the Zuidas stations: €0.39/kWh including VAT, no time fee in the first 2 h. Real SQLite, the host's services.
/// </summary>
public sealed class UnbilledSessionSweeperTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDbContextFactory<AppDbContext> DbFactory => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private UnbilledSessionSweeper Sweeper => factory.Services.GetRequiredService<UnbilledSessionSweeper>();

    private PaymentService Payments => factory.Services.GetRequiredService<PaymentService>();

    private async Task<long> SessionAsync(string stationId, TransactionStatus status, TimeSpan endedAgo, long energyWh = 10_000, string? idTag = null, string? userId = null, decimal? cost = null)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        var tx = new ChargingTransaction
        {
            StationId = stationId,
            OcppTransactionId = Guid.NewGuid().ToString("N"),
            EvseId = 1,
            ConnectorId = 1,
            IdTag = idTag,
            UserId = userId,
            StartedAt = now - endedAgo - TimeSpan.FromMinutes(30),
            StoppedAt = status == TransactionStatus.Completed ? now - endedAgo : null,
            MeterStartWh = 0,
            MeterStopWh = status == TransactionStatus.Completed ? energyWh : null,
            EnergyWh = energyWh,
            Status = status,
            Cost = cost,
            Currency = cost is null ? null : "EUR",
        };
        db.Transactions.Add(tx);
        await db.SaveChangesAsync(Ct);
        return tx.Id;
    }

    private async Task<ChargingTransaction> ReloadAsync(long id)
    {
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        return await db.Transactions.AsNoTracking().SingleAsync(t => t.Id == id, Ct);
    }

    private async Task<Payment> PaymentAsync(int id)
    {
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
    }

    private Task<(Payment Hold, string UserId)> HoldAsync(string stationId) => DriverHolds.AcceptedAsync(factory.Services, stationId, null, Ct);

    [Fact]
    public async Task A_completed_session_whose_end_event_was_missed_is_priced_once()
    {
        var id = await SessionAsync("AMS-ZA-01", TransactionStatus.Completed, TimeSpan.FromMinutes(10));

        await Sweeper.RunOnceAsync(Ct);
        var priced = await ReloadAsync(id);
        priced.Cost.ShouldBe(3.90m); // 10 kWh × €0.39
        priced.Currency.ShouldBe("EUR");
        priced.TariffId.ShouldNotBeNull();

        await Sweeper.RunOnceAsync(Ct);
        (await ReloadAsync(id)).Cost.ShouldBe(3.90m);
    }

    [Fact]
    public async Task A_session_that_just_ended_an_active_one_and_one_from_weeks_ago_are_left_alone()
    {
        var justEnded = await SessionAsync("AMS-ZA-02", TransactionStatus.Completed, TimeSpan.FromSeconds(5));
        var active = await SessionAsync("AMS-ZA-03", TransactionStatus.Active, TimeSpan.Zero);
        var longAgo = await SessionAsync("AMS-ZA-01", TransactionStatus.Completed, TimeSpan.FromDays(8));

        await Sweeper.RunOnceAsync(Ct);

        (await ReloadAsync(justEnded)).Cost.ShouldBeNull("the event path bills sessions that recent");
        (await ReloadAsync(longAgo)).Cost.ShouldBeNull("billing a session from weeks ago is the operator's decision");
        (await ReloadAsync(active)).Cost.ShouldBeNull("a running session has no final price");
    }

    [Fact]
    public async Task The_hold_of_a_session_whose_end_event_was_missed_is_captured_and_the_receipt_mailed()
    {
        var (hold, userId) = await HoldAsync("AMS-ZA-01");
        var id = await SessionAsync("AMS-ZA-01", TransactionStatus.Completed, TimeSpan.FromMinutes(3), energyWh: 5_000, idTag: hold.IdTag, userId: userId);
        (await Payments.LinkAsync("AMS-ZA-01", hold.IdTag!, id, Ct)).ShouldBeTrue();

        (await Sweeper.RunOnceAsync(Ct)).ShouldBeGreaterThanOrEqualTo(1);

        (await ReloadAsync(id)).Cost.ShouldBe(1.95m); // 5 kWh × €0.39
        var settled = await PaymentAsync(hold.Id);
        settled.Status.ShouldBe(PaymentStatus.Captured);
        settled.CapturedAmount.ShouldBe(1.95m);
        Directory.GetFiles(factory.MailDirectory).Select(File.ReadAllText)
            .ShouldContain(mail => mail.Contains($"session {id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hold_left_open_on_an_already_priced_session_is_captured_with_that_price()
    {
        // A node stopped after storing the price but before capturing: the price stands, only the capture is missing.
        var (hold, userId) = await HoldAsync("AMS-ZA-02");
        var id = await SessionAsync("AMS-ZA-02", TransactionStatus.Completed, TimeSpan.FromMinutes(3), energyWh: 5_000, idTag: hold.IdTag, userId: userId, cost: 2.50m);
        (await Payments.LinkAsync("AMS-ZA-02", hold.IdTag!, id, Ct)).ShouldBeTrue();

        await Sweeper.RunOnceAsync(Ct);

        (await ReloadAsync(id)).Cost.ShouldBe(2.50m, "the stored price is not recomputed");
        var settled = await PaymentAsync(hold.Id);
        settled.Status.ShouldBe(PaymentStatus.Captured);
        settled.CapturedAmount.ShouldBe(2.50m);
    }

    [Fact]
    public async Task A_hold_on_a_session_that_just_ended_stays_with_the_event_path()
    {
        var (hold, userId) = await HoldAsync("AMS-ZA-03");
        var id = await SessionAsync("AMS-ZA-03", TransactionStatus.Completed, TimeSpan.FromSeconds(5), idTag: hold.IdTag, userId: userId, cost: 1.00m);
        (await Payments.LinkAsync("AMS-ZA-03", hold.IdTag!, id, Ct)).ShouldBeTrue();

        await Sweeper.RunOnceAsync(Ct);

        (await PaymentAsync(hold.Id)).Status.ShouldBe(PaymentStatus.Authorized);
    }

    [Fact]
    public async Task A_hold_a_stopped_node_claimed_is_captured_once_its_claim_is_abandoned_and_a_fresh_claim_is_left_alone()
    {
        // Node A claimed both holds (Authorized → Settling) and stopped before the provider answered.
        var (abandoned, userId) = await HoldAsync("AMS-ZA-01");
        var abandonedSession = await SessionAsync("AMS-ZA-01", TransactionStatus.Completed, TimeSpan.FromMinutes(30), idTag: abandoned.IdTag, userId: userId, cost: 2.50m);
        (await Payments.LinkAsync("AMS-ZA-01", abandoned.IdTag!, abandonedSession, Ct)).ShouldBeTrue();
        var (fresh, _) = await HoldAsync("AMS-ZA-02");
        var freshSession = await SessionAsync("AMS-ZA-02", TransactionStatus.Completed, TimeSpan.FromMinutes(30), idTag: fresh.IdTag, userId: userId, cost: 1.00m);
        (await Payments.LinkAsync("AMS-ZA-02", fresh.IdTag!, freshSession, Ct)).ShouldBeTrue();
        await ClaimAsync(abandoned.Id, DateTimeOffset.UtcNow - PaymentService.AbandonedClaimAge - TimeSpan.FromMinutes(1));
        await ClaimAsync(fresh.Id, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1));

        await Sweeper.RunOnceAsync(Ct);

        var captured = await PaymentAsync(abandoned.Id);
        captured.Status.ShouldBe(PaymentStatus.Captured);
        captured.CapturedAmount.ShouldBe(2.50m);
        (await PaymentAsync(fresh.Id)).Status.ShouldBe(PaymentStatus.Settling, "a claim a minute old may still be waiting for the provider's answer");
    }

    private async Task ClaimAsync(int paymentId, DateTimeOffset claimedAt)
    {
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        (await db.Payments.Where(p => p.Id == paymentId && p.Status == PaymentStatus.Authorized)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Settling).SetProperty(p => p.UpdatedAt, claimedAt), Ct)).ShouldBe(1);
    }

    /// <summary>
    /// The job on its own fake clock, ten minutes ahead: a session that ended seconds ago is due for it, but not for the
    /// host's own job on the real clock, which therefore cannot bill it first.
    /// </summary>
    private UnbilledSessionSweeperHost Host(FakeTimeProvider time, CountingGate gate) => new(
        new UnbilledSessionSweeper(DbFactory, factory.Services.GetRequiredService<SessionPricingService>(), Payments, time, NullLogger<UnbilledSessionSweeper>.Instance),
        gate, time, NullLogger<UnbilledSessionSweeperHost>.Instance);

    private async Task RunHostAsync(bool leader, Func<CountingGate, Task<bool>> until)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10));
        var gate = new CountingGate(UnbilledSessionSweeperHost.JobName, leader);
        using var host = Host(time, gate);
        await host.StartAsync(Ct);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!await until(gate))
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "condition not met in time");
                time.Advance(UnbilledSessionSweeperHost.Interval);
                await Task.Delay(20, Ct);
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_background_job_bills_on_the_leader()
    {
        var id = await SessionAsync("AMS-ZA-01", TransactionStatus.Completed, TimeSpan.FromSeconds(5));
        await RunHostAsync(leader: true, async _ => (await ReloadAsync(id)).Cost is not null);
        (await ReloadAsync(id)).Cost.ShouldBe(3.90m);
    }

    [Fact]
    public async Task The_background_job_does_nothing_on_a_node_that_is_not_the_leader()
    {
        var id = await SessionAsync("AMS-ZA-02", TransactionStatus.Completed, TimeSpan.FromSeconds(5));

        // Each pass asks the gate before any work; after two passes the first one is certainly done.
        await RunHostAsync(leader: false, gate => Task.FromResult(gate.Asked >= 2));
        (await ReloadAsync(id)).Cost.ShouldBeNull();
    }
}
