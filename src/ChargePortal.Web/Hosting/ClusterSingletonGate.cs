namespace ChargePortal.Web.Hosting;

/// <summary>
/// Decides which node runs a periodic job (retention, reports...) so that with several nodes it
/// runs once, not once per node. Ask before each run: leadership can move to another node.
/// Decides whether this node runs a cluster-wide job right now. Background jobs that must run once per
/// cluster (alert detection, clean-ups) ask before each run; with several nodes an implementation
/// backed by a shared lock (e.g. Redis) answers true on one node only.
/// Decides whether this node runs a periodic job that must run once per cluster. Every node asks before
/// each run; only the leader does the work.
/// </summary>
public interface IClusterSingletonGate
{
    Task<bool> IsLeaderAsync(string job, CancellationToken ct);
}

/// <summary>One node: it is always the leader.</summary>
public sealed class SingleNodeGate : IClusterSingletonGate
/// <summary>A single node is always the leader.</summary>
public sealed class SingleNodeClusterSingletonGate : IClusterSingletonGate
{
    public Task<bool> IsLeaderAsync(string job, CancellationToken ct) => Task.FromResult(true);
}
