namespace ChargePortal.Web.Hosting;

/// <summary>
/// Decides whether this node runs a periodic job that must run once per cluster (alert detection,
/// reservation timers, load balancing, retention). Every node asks before each run; only the leader
/// does the work. With Redis configured a lease-based implementation replaces the single-node one.
/// </summary>
public interface IClusterSingletonGate
{
    Task<bool> IsLeaderAsync(string job, CancellationToken ct);
}

/// <summary>One node: it is always the leader.</summary>
public sealed class SingleNodeGate : IClusterSingletonGate
{
    public Task<bool> IsLeaderAsync(string job, CancellationToken ct) => Task.FromResult(true);
}
