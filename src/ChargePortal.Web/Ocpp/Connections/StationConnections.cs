using System.Collections.Concurrent;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;

namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>A live OCPP connection held by this node.</summary>
public interface IStationConnection
{
    string StationId { get; }

    OcppVersion Version { get; }

    DateTimeOffset ConnectedAt { get; }

    OcppRpcPeer Peer { get; }

    /// <summary>Closes the socket (e.g. replaced by a newer connection of the same station).</summary>
    Task CloseAsync(string reason, CancellationToken ct);
}

/// <summary>
/// The connections this node holds, by station id. Behind an interface so that a cluster-aware
/// registry can add ownership records without the endpoint changing.
/// </summary>
public interface IStationConnectionRegistry
{
    /// <summary>Adds the connection; returns the one it replaced, if any.</summary>
    IStationConnection? Register(IStationConnection connection);

    /// <summary>Removes the connection if it is still the current one for its station.</summary>
    bool Unregister(IStationConnection connection);

    IStationConnection? Find(string stationId);

    int Count { get; }

    IReadOnlyCollection<string> StationIds { get; }
}

public sealed class LocalStationConnectionRegistry : IStationConnectionRegistry
{
    private readonly ConcurrentDictionary<string, IStationConnection> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public IReadOnlyCollection<string> StationIds => [.. _connections.Keys];

    public IStationConnection? Register(IStationConnection connection)
    {
        IStationConnection? previous = null;
        _connections.AddOrUpdate(connection.StationId, connection, (_, existing) =>
        {
            previous = existing;
            return connection;
        });
        return previous;
    }

    public bool Unregister(IStationConnection connection) =>
        _connections.TryRemove(new KeyValuePair<string, IStationConnection>(connection.StationId, connection));

    public IStationConnection? Find(string stationId) => _connections.GetValueOrDefault(stationId);
}
