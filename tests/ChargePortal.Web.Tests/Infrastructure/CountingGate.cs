using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>A cluster gate for one job that answers as told and counts how often it was asked.</summary>
public sealed class CountingGate(string expectedJob, bool leader) : IClusterSingletonGate
{
    private int _asked;

    public int Asked => Volatile.Read(ref _asked);

    public Task<bool> IsLeaderAsync(string job, CancellationToken ct)
    {
        job.ShouldBe(expectedJob);
        Interlocked.Increment(ref _asked);
        return Task.FromResult(leader);
    }
}
