using ChargePortal.Web.Accounts;
using ChargePortal.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChargePortal.Web.Live;

/// <summary>
/// Live station events for the portal and other clients (portal cookie or API key). A client joins the groups it
/// wants; every join is checked against what the user may see, and a refused join joins nothing.
/// </summary>
[Authorize(AuthenticationSchemes = LiveHub.Schemes, Policy = Policies.SignedIn)]
public sealed class LiveHub(LiveAccess access) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    internal const string Schemes = "Identity.Application," + ApiKeyAuthenticationHandler.SchemeName;

    public async Task JoinStation(string stationId)
    {
        Refuse(await access.DenyStationAsync(Context.User!, stationId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Station(stationId), Context.ConnectionAborted);
    }

    public Task LeaveStation(string stationId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Station(stationId ?? ""), Context.ConnectionAborted);

    public async Task JoinSite(int siteId)
    {
        Refuse(await access.DenySiteAsync(Context.User!, siteId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Site(siteId), Context.ConnectionAborted);
    }

    public Task LeaveSite(int siteId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Site(siteId), Context.ConnectionAborted);

    public async Task JoinAll()
    {
        Refuse(LiveAccess.DenyAll(Context.User!));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.All, Context.ConnectionAborted);
    }

    public Task LeaveAll() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.All, Context.ConnectionAborted);

    public async Task JoinSession(string stationId, string transactionId)
    {
        Refuse(await access.DenySessionAsync(Context.User!, stationId, transactionId, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Session(stationId, transactionId), Context.ConnectionAborted);
    }

    public Task LeaveSession(string stationId, string transactionId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Session(stationId ?? "", transactionId ?? ""), Context.ConnectionAborted);

    private static void Refuse(string? reason)
    {
        if (reason is not null)
        {
            // HubException messages reach the client verbatim; others are hidden behind a generic error.
            throw new HubException(reason);
        }
    }
}
