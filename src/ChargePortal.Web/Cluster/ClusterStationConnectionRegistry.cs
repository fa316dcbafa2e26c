using ChargePortal.Web.Ocpp.Connections;
using StackExchange.Redis;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// The local registry plus the station's owner record in Redis, so other nodes can route commands
/// here. Only the connection that is still current releases the record.
/// </summary>
public sealed class ClusterStationConnectionRegistry(LocalStationConnectionRegistry local, RedisStationDirectory directory) : IStationConnectionRegistry
{
    public int Count => local.Count;

    public IReadOnlyCollection<string> StationIds => local.StationIds;

    public IStationConnection? Register(IStationConnection connection)
    {
        var previous = local.Register(connection);
        directory.Claim(connection.StationId, connection.Version);
        return previous;
    }

    public bool Unregister(IStationConnection connection)
    {
        if (!local.Unregister(connection))
        {
            return false;
        }

        directory.Release(connection.StationId, connection.Version);
        return true;
    }

    public IStationConnection? Find(string stationId) => local.Find(stationId);
}

/// <summary>
/// Keeps this node's owner records alive while their stations stay connected. A record another node
/// has overwritten means the station reconnected there: the connection here is a leftover and is closed.
/// </summary>
public sealed class StationOwnershipRefresher(
    LocalStationConnectionRegistry local,
    RedisStationDirectory directory,
    ClusterOptions options,
    TimeProvider time,
    ILogger<StationOwnershipRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.OwnershipRefresh, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Could not refresh station ownership in Redis: {Reason}", ex.Message);
            }
        }
    }

    public async Task RefreshOnceAsync(CancellationToken ct)
    {
        var held = local.StationIds.Select(local.Find).OfType<IStationConnection>().ToList();
        var lost = await directory.RefreshAsync(held.Select(c => (c.StationId, c.Version)));
        foreach (var stationId in lost)
        {
            // Only the connection we checked: one that replaced it here since then wrote its own record.
            var stale = held.First(c => c.StationId == stationId);
            if (ReferenceEquals(local.Find(stationId), stale))
            {
                logger.LogInformation("{StationId} is connected to another node now; closing the connection left here", stationId);
                await stale.CloseAsync("Station reconnected to another node", ct);
            }
        }
    }
}
