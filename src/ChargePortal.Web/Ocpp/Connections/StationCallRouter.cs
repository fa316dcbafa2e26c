using System.Text.Json;
using ChargePortal.Ocpp;

namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>The station is not connected to any node.</summary>
public sealed class StationOfflineException(string stationId) : Exception($"Station '{stationId}' is not connected.")
{
    public string StationId { get; } = stationId;
}

/// <summary>
/// Delivers a CSMS→station call to wherever the station's socket is. On one node that is the local
/// registry; with several nodes a routing implementation forwards to the node that holds it.
/// </summary>
public interface IStationCallRouter
{
    /// <returns>The OCPP version the station is connected with, or null when it is offline.</returns>
    Task<OcppVersion?> FindAsync(string stationId, CancellationToken ct);

    /// <exception cref="StationOfflineException">No node holds the station.</exception>
    Task<JsonElement> CallAsync(string stationId, string action, JsonElement payload, CancellationToken ct);
}

public sealed class LocalStationCallRouter(IStationConnectionRegistry registry) : IStationCallRouter
{
    public Task<OcppVersion?> FindAsync(string stationId, CancellationToken ct) =>
        Task.FromResult(registry.Find(stationId)?.Version);

    public Task<JsonElement> CallAsync(string stationId, string action, JsonElement payload, CancellationToken ct) =>
        (registry.Find(stationId) ?? throw new StationOfflineException(stationId)).Peer.CallAsync(action, payload, ct);
}
