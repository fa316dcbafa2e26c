namespace ChargePortal.Web.Hosting;

/// <summary>
/// Decides whether this node runs a cluster-wide job now. Background work that reacts to events every node may
/// receive (with a shared bus) must ask first, so that it acts exactly once across the cluster.
/// </summary>
public interface IClusterSingletonGate
{
    Task<bool> IsLeaderAsync(string job, CancellationToken ct);
}

/// <summary>The one-node deployment: this node is always the leader.</summary>
public sealed class SingleNodeGate : IClusterSingletonGate
{
    public Task<bool> IsLeaderAsync(string job, CancellationToken ct) => Task.FromResult(true);
}
