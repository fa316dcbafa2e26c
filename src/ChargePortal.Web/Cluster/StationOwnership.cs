using ChargePortal.Ocpp;
using StackExchange.Redis;

using ChargePortal.Web.Stations;

namespace ChargePortal.Web.Cluster;

/// <summary>The owner record of a connected station: <c>cp:station:{id}</c> → <c>{nodeId}|{version}</c>.</summary>
public sealed record StationOwner(string NodeId, OcppVersion Version)
{
    public string Encode() => $"{NodeId}|{Version}";

    public static StationOwner? Decode(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        var text = value.ToString();
        var bar = text.LastIndexOf('|');
        return bar > 0 && Enum.TryParse<OcppVersion>(text[(bar + 1)..], out var version) ? new StationOwner(text[..bar], version) : null;
    }
}

/// <summary>
/// The owner records in Redis. Writes on connect overwrite (the newest connection wins); refreshes
/// and deletes only touch a record this node still owns, so a node whose station moved elsewhere
/// cannot undo the new owner's record.
/// </summary>
public sealed class RedisStationDirectory(IConnectionMultiplexer redis, ClusterOptions options) : IStationOwnership
{
    // Delete only when the value is still ours (compare-and-delete).
    private static readonly LuaScript DeleteIfOwned = LuaScript.Prepare(
        "if redis.call('GET', @key) == @value then return redis.call('DEL', @key) else return 0 end");

    // Extend our record; recreate it when it expired (e.g. Redis restarted); leave another node's alone.
    private static readonly LuaScript RefreshIfOwned = LuaScript.Prepare("""
        local current = redis.call('GET', @key)
        if current == false or current == @value then
          redis.call('SET', @key, @value, 'PX', @ttl)
          return 1
        end
        return 0
        """);

    public string NodeId => options.NodeId;

    public async Task<StationOwner?> FindOwnerAsync(string stationId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return StationOwner.Decode(await redis.GetDatabase().StringGetAsync(ClusterOptions.StationKey(stationId)).WaitAsync(ct));
    }

    public async Task<bool> IsHeldElsewhereAsync(string stationId, CancellationToken ct)
    {
        try
        {
            return await FindOwnerAsync(stationId, ct) is { } owner && owner.NodeId != options.NodeId;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis unreachable: behave like a single node (the disconnect is recorded); the next connect sets it right.
            return false;
        }
    }

    /// <summary>Claims the station for this node. Fire-and-forget: the connect path must not wait on Redis; the refresh loop repairs a lost write.</summary>
    public void Claim(string stationId, OcppVersion version) =>
        redis.GetDatabase().StringSet(ClusterOptions.StationKey(stationId), new StationOwner(options.NodeId, version).Encode(), options.OwnershipTtl, flags: CommandFlags.FireAndForget);

    /// <summary>Drops the record if this node still owns it. Queued after the claim on the same connection, so never overtakes it.</summary>
    public void Release(string stationId, OcppVersion version) =>
        redis.GetDatabase().ScriptEvaluate(DeleteIfOwned, new { key = (RedisKey)ClusterOptions.StationKey(stationId), value = new StationOwner(options.NodeId, version).Encode() }, CommandFlags.FireAndForget);

    /// <summary>Extends this node's records; returns the stations that another node has taken over meanwhile.</summary>
    public async Task<IReadOnlyList<string>> RefreshAsync(IEnumerable<(string StationId, OcppVersion Version)> held)
    {
        var db = redis.GetDatabase();
        var ttl = (long)options.OwnershipTtl.TotalMilliseconds;
        var checks = held.Select(async s =>
        {
            var result = await db.ScriptEvaluateAsync(RefreshIfOwned, new { key = (RedisKey)ClusterOptions.StationKey(s.StationId), value = new StationOwner(options.NodeId, s.Version).Encode(), ttl });
            return (s.StationId, Kept: (int)result == 1);
        }).ToList();
        var results = await Task.WhenAll(checks);
        return [.. results.Where(r => !r.Kept).Select(r => r.StationId)];
    }
}
