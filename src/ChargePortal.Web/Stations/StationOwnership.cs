namespace ChargePortal.Web.Stations;

/// <summary>Which node holds a station's socket, as far as this node's lifecycle decisions need to know.</summary>
public interface IStationOwnership
{
    /// <summary>True when another node has the station connected now (so this node's stale disconnect must not mark it offline).</summary>
    Task<bool> IsHeldElsewhereAsync(string stationId, CancellationToken ct);
}

/// <summary>One node: no other node can hold anything.</summary>
public sealed class SingleNodeStationOwnership : IStationOwnership
{
    public Task<bool> IsHeldElsewhereAsync(string stationId, CancellationToken ct) => Task.FromResult(false);
}
