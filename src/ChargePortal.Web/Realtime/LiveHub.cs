using ChargePortal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Realtime;

/// <summary>
/// Live station events for the portal and other clients (portal cookie or API key). A client joins the groups it
/// wants; every join is checked against what the user may see, and a refused join joins nothing. What a connection
/// follows is kept per connection (<see cref="LiveFollowing"/>) so that it receives each event once, also through
/// the Redis backplane. Connections whose user's rights change are closed by <see cref="LiveConnectionRevalidator"/>.
/// </summary>
[Authorize(AuthenticationSchemes = LiveHub.Schemes, Policy = Policies.SignedIn)]
public sealed class LiveHub(LiveAccess access, StationSiteCache sites, LiveConnectionRevalidator revalidator) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    internal const string Schemes = "Identity.Application," + ApiKeyAuthenticationHandler.SchemeName;

    private LiveFollowing Following
    {
        get
        {
            if (!Context.Items.TryGetValue(typeof(LiveFollowing), out var value) || value is not LiveFollowing following)
            {
                following = new LiveFollowing();
                Context.Items[typeof(LiveFollowing)] = following;
            }

            return following;
        }
    }

    public override Task OnConnectedAsync()
    {
        revalidator.Track(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        revalidator.Untrack(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task JoinStation(string stationId)
    {
        Refuse(await access.DenyStationAsync(Context.User!, stationId, Context.ConnectionAborted));
        var siteId = await sites.SiteOfAsync(stationId, Context.ConnectionAborted);
        await ApplyAsync(f => f.FollowStation(stationId, siteId));
    }

    public Task LeaveStation(string stationId) => ApplyAsync(f => f.UnfollowStation(stationId ?? ""));

    public async Task JoinSite(int siteId)
    {
        Refuse(await access.DenySiteAsync(Context.User!, siteId, Context.ConnectionAborted));
        await ApplyAsync(f => f.FollowSite(siteId));
    }

    public Task LeaveSite(int siteId) => ApplyAsync(f => f.UnfollowSite(siteId));

    public async Task JoinAll()
    {
        Refuse(LiveAccess.DenyAll(Context.User!));
        await ApplyAsync(f => f.FollowAll());
    }

    public Task LeaveAll() => ApplyAsync(f => f.UnfollowAll());

    public async Task JoinSession(string stationId, string transactionId)
    {
        Refuse(await access.DenySessionAsync(Context.User!, stationId, transactionId, Context.ConnectionAborted));
        var siteId = await sites.SiteOfAsync(stationId, Context.ConnectionAborted);
        await ApplyAsync(f => f.FollowSession(stationId, transactionId, siteId));
    }

    public Task LeaveSession(string stationId, string transactionId) =>
        ApplyAsync(f => f.UnfollowSession(stationId ?? "", transactionId ?? ""));

    private static void Refuse(string? reason)
    {
        if (reason is not null)
        {
            // HubException messages reach the client verbatim; others are hidden behind a generic error.
            throw new HubException(reason);
        }
    }

    /// <summary>
    /// Changes what the connection follows and moves it between groups to match. Joins go first: while a broader
    /// group replaces narrower ones an event may arrive twice, but none is lost.
    /// </summary>
    private async Task ApplyAsync(Action<LiveFollowing> change)
    {
        var following = Following;
        change(following);
        var wanted = following.Groups();
        foreach (var group in wanted.Except(following.Joined).ToList())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            following.MarkJoined(group);
        }

        foreach (var group in following.Joined.Except(wanted).ToList())
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            following.MarkLeft(group);
        }
    }
}
