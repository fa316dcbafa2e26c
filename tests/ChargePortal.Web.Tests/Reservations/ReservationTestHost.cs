using ChargePortal.Web.Hosting;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Reservations;

/// <summary>
/// The real host whose own scheduler loop never leads, so tests drive <c>ReservationScheduler.RunOnceAsync</c>
/// themselves with a clock they control.
/// </summary>
public sealed class ReservationTestHost : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpp:CallTimeoutSeconds"] = "10", // generous: a loaded CI machine must not turn a slow answer into a 504
        ["Reservations:NoShowFee"] = "2.50",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IClusterSingletonGate, NeverLeader>());
    }

    private sealed class NeverLeader : IClusterSingletonGate
    {
        public Task<bool> IsLeaderAsync(string job, CancellationToken ct) => Task.FromResult(false);
    }
}

/// <summary>A clock that stands still until the test sets it.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
