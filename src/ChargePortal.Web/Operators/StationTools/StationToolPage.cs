using System.Security.Claims;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChargePortal.Web.Operators.StationTools;

/// <summary>
/// The common part of the operator's per-station tool pages (firmware, local list, smart charging): loads the
/// station, names the acting user for the audit log, and delivers the station's live events while the page is open.
/// </summary>
public abstract class StationToolPage : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private IAsyncDisposable? _live;

    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    protected StationRegistry Registry { get; set; } = default!;

    [Inject]
    private LiveSubscriptions Live { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected PublicUrls PublicUrls { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected StationDto? Station { get; private set; }

    protected bool Loaded { get; private set; }

    protected CancellationToken PageClosed => _stop.Token;

    /// <summary>The CSMS's public address (Hosting:PublicBaseUrl, see <see cref="PublicUrls"/>); diagnostics upload URLs are built from it.</summary>
    protected Uri PublicBaseUri => PublicUrls.ForCommands(new Uri(Navigation.BaseUri));

    protected async Task<CommandActor> ActorAsync()
    {
        var user = (await AuthenticationState).User;
        return new CommandActor(user.Identity?.Name ?? "operator", user.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    protected override async Task OnParametersSetAsync()
    {
        Station = (await Registry.FindAsync(SiteScope.Everything, Id, PageClosed))?.Station;
        Loaded = true;
        await OnStationLoadedAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only the interactive circuit listens; the prerender pass has no lifetime to listen for.
        if (firstRender && RendererInfo.IsInteractive)
        {
            _live = Live.Subscribe(LiveFilter.ForStation(Id), async stationEvent =>
            {
                await OnStationEventAsync(stationEvent);
                StateHasChanged();
            }, InvokeAsync);
        }
    }

    protected virtual Task OnStationLoadedAsync() => Task.CompletedTask;

    /// <summary>Called on the renderer's thread for each event of this station; the page re-renders afterwards.</summary>
    protected virtual Task OnStationEventAsync(StationEvent stationEvent) => Task.CompletedTask;

    protected async Task ReloadStationAsync()
    {
        Station = (await Registry.FindAsync(SiteScope.Everything, Id, PageClosed))?.Station;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
