using ChargePortal.Web.Live;

namespace ChargePortal.Web.CustomerInformation;

/// <summary>
/// A station that connects or boots may have clears waiting that were queued while it was away: wake the sender so they
/// go out now, not at its next poll.
/// </summary>
public sealed class CustomerDataClearanceWakeUps(IStationEventStream events, CustomerDataClearances clearances, ILogger<CustomerDataClearanceWakeUps> logger)
    : StationEventFollower(events)
{
    protected override ILogger Logger => logger;

    protected override LiveFilter Filter => LiveFilter.Everything.Of(typeof(StationConnected), typeof(StationBooted));

    protected override Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
    {
        clearances.Wake();
        return Task.CompletedTask;
    }
}
