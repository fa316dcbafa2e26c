using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Telemetry;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>Every hold, capture, release and refund is counted by outcome, and the money captured and refunded by currency.</summary>
public sealed class PaymentMetricsTests : IAsyncLifetime
{
    private static readonly SavedCard TestToken = new(null, "pm_card_visa", "visa", "4242", 12, 2040);
    private StripeStandIn _stripe = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _stripe = await StripeStandIn.StartAsync();

    public async ValueTask DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task Holds_captures_releases_refunds_and_their_failures_are_counted_with_the_money_they_moved()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        using var recorded = new PaymentMeasurements(factory.Services.GetRequiredService<IMeterFactory>());
        var payments = factory.Services.GetRequiredService<PaymentService>();
        var (driverId, captureTx, releaseTx) = await ArrangeTwoSessionsAsync(factory);

        var captured = await payments.PlaceHoldAsync(driverId, TestToken, "AMS-CS-01", 1, "METRICS-A", "EUR", Ct);
        await payments.LinkAsync("AMS-CS-01", "METRICS-A", captureTx, Ct);
        await payments.SettleAsync(captureTx, 12.34m, Ct);
        (await payments.RefundAsync(captured.Id, 2m, "op", null, Ct)).Succeeded.ShouldBeTrue();

        await payments.PlaceHoldAsync(driverId, TestToken, "AMS-CS-01", 1, "METRICS-B", "EUR", Ct);
        await payments.LinkAsync("AMS-CS-01", "METRICS-B", releaseTx, Ct);
        await payments.SettleAsync(releaseTx, 0m, Ct);

        var unused = await payments.PlaceHoldAsync(driverId, TestToken, "AMS-CS-01", 1, "METRICS-C", "EUR", Ct);
        (await payments.ReleaseAsync(unused.Id, "no session", Ct)).ShouldBeTrue();

        _stripe.DeclineCards = true;
        (await payments.PlaceHoldAsync(driverId, TestToken, "AMS-CS-01", 1, "METRICS-D", "EUR", Ct)).Status.ShouldBe(PaymentStatus.Failed);

        recorded.Count("hold", "authorized").ShouldBe(3);
        recorded.Count("hold", "failed").ShouldBe(1);
        recorded.Count("capture", "captured").ShouldBe(1);
        recorded.Count("release", "released").ShouldBe(2);
        recorded.Count("refund", "refunded").ShouldBe(1);
        recorded.Money("capture", "EUR").ShouldBe(12.34, 0.0001);
        recorded.Money("refund", "EUR").ShouldBe(2, 0.0001);
    }

    [Fact]
    public async Task A_failed_capture_and_a_refused_refund_count_as_failed_and_move_no_money()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        using var recorded = new PaymentMeasurements(factory.Services.GetRequiredService<IMeterFactory>());
        var payments = factory.Services.GetRequiredService<PaymentService>();
        var (driverId, tx, _) = await ArrangeTwoSessionsAsync(factory);

        var hold = await payments.PlaceHoldAsync(driverId, TestToken, "AMS-CS-01", 1, "METRICS-A", "EUR", Ct);
        await payments.LinkAsync("AMS-CS-01", "METRICS-A", tx, Ct);
        _stripe.FailCaptures = true;
        await payments.SettleAsync(tx, 5m, Ct);

        recorded.Count("capture", "failed").ShouldBe(1);
        recorded.Count("capture", "captured").ShouldBe(0);
        recorded.Money("capture", "EUR").ShouldBe(0);

        // Refusing a refund of something never captured is a validation answer, not a provider outcome.
        (await payments.RefundAsync(hold.Id, 1m, "op", null, Ct)).Succeeded.ShouldBeFalse();
        recorded.Count("refund", "failed").ShouldBe(0);
        recorded.Money("refund", "EUR").ShouldBe(0);
    }

    private static async Task<(string DriverId, long First, long Second)> ArrangeTwoSessionsAsync(StripeChargePortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var driver = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("driver@chargeportal.local");
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var first = new ChargingTransaction { StationId = "AMS-CS-01", OcppTransactionId = "metrics-1", ConnectorId = 1, EvseId = 1, UserId = driver!.Id };
        var second = new ChargingTransaction { StationId = "AMS-CS-01", OcppTransactionId = "metrics-2", ConnectorId = 1, EvseId = 1, UserId = driver.Id };
        db.Transactions.AddRange(first, second);
        await db.SaveChangesAsync(Ct);
        return (driver.Id, first.Id, second.Id);
    }

    /// <summary>Listens to this host's payment meter only (each test host has its own meter factory).</summary>
    private sealed class PaymentMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<(string, string), long> _counts = new();
        private readonly ConcurrentDictionary<(string, string), double> _money = new();

        public PaymentMeasurements(IMeterFactory hostMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PaymentMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, hostMeters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
                _counts.AddOrUpdate((Tag(tags, "operation"), Tag(tags, "outcome")), value, (_, total) => total + value));
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
                _money.AddOrUpdate((Tag(tags, "operation"), Tag(tags, "currency")), value, (_, total) => total + value));
            _listener.Start();
        }

        public long Count(string operation, string outcome) => _counts.GetValueOrDefault((operation, outcome));

        public double Money(string operation, string currency) => _money.GetValueOrDefault((operation, currency));

        public void Dispose() => _listener.Dispose();

        private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == key)
                {
                    return tag.Value?.ToString() ?? "";
                }
            }

            return "";
        }
    }
}
