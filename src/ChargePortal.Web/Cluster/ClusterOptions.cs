using System.Text.RegularExpressions;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// Scale-out settings. Without <c>Redis:ConnectionString</c> the app is a single node and none of
/// the cluster services are used.
/// </summary>
public sealed partial class ClusterOptions
{
    public const string RedisConnectionStringKey = "Redis:ConnectionString";

    /// <summary>StackExchange.Redis configuration string; empty means single node.</summary>
    public string RedisConnectionString { get; init; } = "";

    /// <summary>This node's id (<c>Cluster:NodeId</c>); defaults to the machine name plus a random suffix.</summary>
    public string NodeId { get; init; } = "";

    /// <summary>Prefix of the pub/sub channels (events, SignalR), so deployments can share one Redis server.</summary>
    public string ChannelPrefix { get; init; } = "chargeportal";

    /// <summary>How long a station's ownership record lives without a refresh (a dead node's records expire after this).</summary>
    public TimeSpan OwnershipTtl { get; init; } = TimeSpan.FromSeconds(45);

    public TimeSpan OwnershipRefresh { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a job lease lives without renewal; the holder renews it at a third of this.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(RedisConnectionString);

    public string EventsChannel => ChannelPrefix + ":events";

    public string SignalRChannelPrefix => ChannelPrefix + ":signalr";

    public static string StationKey(string stationId) => "cp:station:" + stationId;

    public static string CallsChannel(string nodeId) => $"cp:node:{nodeId}:calls";

    public static string RepliesChannel(string nodeId) => $"cp:node:{nodeId}:replies";

    public static string LeaseKey(string job) => "cp:lease:" + job;

    /// <summary>Reads and checks the settings; a bad node id or prefix stops the host at startup with the reason.</summary>
    public static ClusterOptions From(IConfiguration configuration)
    {
        var nodeId = configuration["Cluster:NodeId"];
        if (string.IsNullOrWhiteSpace(nodeId))
        {
            var machine = UnsafeChars().Replace(Environment.MachineName, "-");
            nodeId = $"{machine[..Math.Min(machine.Length, 50)]}-{Guid.NewGuid().ToString("N")[..6]}";
        }
        else if (!SafeName().IsMatch(nodeId) || nodeId.Length > 64)
        {
            throw new InvalidOperationException($"Cluster:NodeId '{nodeId}' is invalid: use 1-64 letters, digits, '.', '_' or '-'.");
        }

        var prefix = configuration["Cluster:ChannelPrefix"];
        if (string.IsNullOrWhiteSpace(prefix))
        {
            prefix = "chargeportal";
        }
        else if (!SafeName().IsMatch(prefix) || prefix.Length > 64)
        {
            throw new InvalidOperationException($"Cluster:ChannelPrefix '{prefix}' is invalid: use 1-64 letters, digits, '.', '_' or '-'.");
        }

        return new ClusterOptions
        {
            RedisConnectionString = configuration[RedisConnectionStringKey]?.Trim() ?? "",
            NodeId = nodeId,
            ChannelPrefix = prefix,
            OwnershipTtl = Seconds(configuration, "Cluster:OwnershipTtlSeconds", 45),
            OwnershipRefresh = Seconds(configuration, "Cluster:OwnershipRefreshSeconds", 15),
            LeaseDuration = Seconds(configuration, "Cluster:LeaseSeconds", 30),
        };
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key, double fallback)
    {
        var value = configuration.GetValue(key, fallback);
        return value > 0 ? TimeSpan.FromSeconds(value) : throw new InvalidOperationException($"{key} must be a positive number of seconds.");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeChars();
}
