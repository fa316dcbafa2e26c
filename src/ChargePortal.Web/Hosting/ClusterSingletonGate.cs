namespace ChargePortal.Web.Hosting;

/// <summary>
/// Decides which node runs a periodic job (retention, reports...) so that with several nodes it
/// runs once, not once per node. Ask before each run: leadership can move to another node.
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
