namespace ChargePortal.Web.Realtime;

/// <summary>
/// What one hub connection follows, and which hub groups deliver that. An event goes to "all", its site, its station
/// and its session; a connection that follows two of those (all + a station, a site + one of its stations) must still
/// get it once. The in-process hub removes such duplicates itself, the Redis backplane cannot (it publishes once per
/// group), so the connection is kept only in the broadest group that covers each thing it follows: "all" covers
/// everything, a site its stations and their sessions, a station its sessions. Leaving the broader one brings back the
/// narrower ones that are still followed.
/// </summary>
/// <remarks>
/// A station's site is the one known when it was followed: a client that follows both a site and one of its stations
/// while that station is moved to another site gets the station's events again after it re-joins the station.
/// Not thread-safe; SignalR runs one hub invocation per connection at a time.
/// </remarks>
public sealed class LiveFollowing
{
    private readonly HashSet<int> _sites = [];
    private readonly Dictionary<string, int?> _stations = new(StringComparer.Ordinal);
    private readonly Dictionary<(string StationId, string TransactionId), int?> _sessions = [];
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);
    private bool _all;

    /// <summary>The groups the connection is in now (as far as the last successful join/leave goes).</summary>
    public IReadOnlySet<string> Joined => _joined;

    public void FollowAll() => _all = true;

    public void UnfollowAll() => _all = false;

    public void FollowSite(int siteId) => _sites.Add(siteId);

    public void UnfollowSite(int siteId) => _sites.Remove(siteId);

    public void FollowStation(string stationId, int? siteId) => _stations[stationId] = siteId;

    public void UnfollowStation(string stationId) => _stations.Remove(stationId);

    public void FollowSession(string stationId, string transactionId, int? siteId) => _sessions[(stationId, transactionId)] = siteId;

    public void UnfollowSession(string stationId, string transactionId) => _sessions.Remove((stationId, transactionId));

    /// <summary>The groups the connection should be in: one per followed thing that nothing broader covers.</summary>
    public HashSet<string> Groups()
    {
        if (_all)
        {
            return new HashSet<string>(StringComparer.Ordinal) { LiveGroups.All };
        }

        var groups = new HashSet<string>(_sites.Select(LiveGroups.Site), StringComparer.Ordinal);
        foreach (var (stationId, siteId) in _stations)
        {
            if (!CoveredBySite(siteId))
            {
                groups.Add(LiveGroups.Station(stationId));
            }
        }

        foreach (var ((stationId, transactionId), siteId) in _sessions)
        {
            if (!_stations.ContainsKey(stationId) && !CoveredBySite(siteId))
            {
                groups.Add(LiveGroups.Session(stationId, transactionId));
            }
        }

        return groups;
    }

    /// <summary>Records a group join SignalR completed.</summary>
    public void MarkJoined(string group) => _joined.Add(group);

    /// <summary>Records a group leave SignalR completed.</summary>
    public void MarkLeft(string group) => _joined.Remove(group);

    private bool CoveredBySite(int? siteId) => siteId is { } id && _sites.Contains(id);
}
