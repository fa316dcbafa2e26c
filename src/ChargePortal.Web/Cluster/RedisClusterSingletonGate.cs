using System.Collections.Concurrent;
using ChargePortal.Web.Hosting;
using StackExchange.Redis;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// Leader election per job with a Redis lease (<c>cp:lease:{job}</c> = node id, SET NX PX). The
/// holder renews its leases in the background at a third of their duration and releases them on
/// shutdown; a dead holder's lease expires and the next node that asks takes over.
/// </summary>
public sealed class RedisClusterSingletonGate(
    IConnectionMultiplexer redis,
    ClusterOptions options,
    TimeProvider time,
    ILogger<RedisClusterSingletonGate> logger) : BackgroundService, IClusterSingletonGate
{
    // Keep our lease, or take a free one.
    private static readonly LuaScript AcquireOrRenew = LuaScript.Prepare("""
        local current = redis.call('GET', @key)
        if current == @node then
          redis.call('PEXPIRE', @key, @ttl)
          return 1
        end
        if current == false then
          redis.call('SET', @key, @node, 'PX', @ttl)
          return 1
        end
        return 0
        """);

    private static readonly LuaScript ReleaseIfHeld = LuaScript.Prepare(
        "if redis.call('GET', @key) == @node then return redis.call('DEL', @key) else return 0 end");

    private readonly ConcurrentDictionary<string, bool> _held = new(StringComparer.Ordinal);

    /// <summary>Whether this node holds the job's lease. False while Redis is unreachable: skipping a run beats running it on every node.</summary>
    public async Task<bool> IsLeaderAsync(string job, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        bool leader;
        try
        {
            leader = await TryHoldAsync(job, ct);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not check the lease for {Job}; not running it now: {Reason}", job, ex.Message);
            return false;
        }

        if (leader)
        {
            _held[job] = true;
        }
        else
        {
            _held.TryRemove(job, out _);
        }

        return leader;
    }

    /// <summary>Gives up this node's leases so another node can take over at once.</summary>
    public async Task ReleaseAllAsync()
    {
        foreach (var job in _held.Keys)
        {
            _held.TryRemove(job, out _);
            await redis.GetDatabase().ScriptEvaluateAsync(ReleaseIfHeld, new { key = (RedisKey)ClusterOptions.LeaseKey(job), node = options.NodeId });
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await ReleaseAllAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not release job leases; they expire in {Seconds} s: {Reason}", options.LeaseDuration.TotalSeconds, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.LeaseDuration / 3, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var job in _held.Keys)
            {
                try
                {
                    if (!await TryHoldAsync(job, stoppingToken))
                    {
                        _held.TryRemove(job, out _);
                        logger.LogInformation("Lost the lease for {Job} to another node", job);
                    }
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    logger.LogWarning("Could not renew the lease for {Job}: {Reason}", job, ex.Message);
                }
            }
        }
    }

    private async Task<bool> TryHoldAsync(string job, CancellationToken ct)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(AcquireOrRenew, new
        {
            key = (RedisKey)ClusterOptions.LeaseKey(job),
            node = options.NodeId,
            ttl = (long)options.LeaseDuration.TotalMilliseconds,
        }).WaitAsync(ct);
        return (int)result == 1;
    }
}
