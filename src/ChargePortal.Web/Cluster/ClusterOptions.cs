using System.Text.RegularExpressions;
using ChargePortal.Web.Hosting;

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

    /// <summary>
    /// Reads the settings, checked by the same rules as at start (<see cref="ClusterSettings"/>): a bad node id or prefix
    /// stops the host with the key named. Read while the services are registered, since it picks the node-local or the
    /// cluster parts.
    /// </summary>
    public static ClusterOptions From(IConfiguration configuration)
    {
        var settings = configuration.ReadValidated<ClusterSettings>(ClusterSettings.Section);
        var nodeId = settings.NodeId;
        if (string.IsNullOrWhiteSpace(nodeId))
        {
            var machine = UnsafeChars().Replace(Environment.MachineName, "-");
            nodeId = $"{machine[..Math.Min(machine.Length, 50)]}-{Guid.NewGuid().ToString("N")[..6]}";
        }

        return new ClusterOptions
        {
            RedisConnectionString = configuration[RedisConnectionStringKey]?.Trim() ?? "",
            NodeId = nodeId,
            ChannelPrefix = string.IsNullOrWhiteSpace(settings.ChannelPrefix) ? "chargeportal" : settings.ChannelPrefix,
            OwnershipTtl = TimeSpan.FromSeconds(settings.OwnershipTtlSeconds),
            OwnershipRefresh = TimeSpan.FromSeconds(settings.OwnershipRefreshSeconds),
            LeaseDuration = TimeSpan.FromSeconds(settings.LeaseSeconds),
        };
    }

    /// <summary>A node id or channel prefix: 1-64 letters, digits, '.', '_' or '-'.</summary>
    internal static bool IsSafeName(string name) => name.Length <= 64 && SafeName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeChars();
}
