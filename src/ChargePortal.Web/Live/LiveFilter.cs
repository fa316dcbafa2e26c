using System.Collections.Frozen;

namespace ChargePortal.Web.Live;

/// <summary>
/// Which station events a live subscriber receives. A value, not a callback: it is applied off the subscriber's
/// thread, so it must not be able to read the state of the page or job that asked for the events; anything that
/// depends on that state is decided in the event handler, which runs on the subscriber's own thread.
/// </summary>
public sealed class LiveFilter
{
    private readonly FrozenSet<string>? _stations;
    private readonly Type[]? _kinds;

    private LiveFilter(FrozenSet<string>? stations, Type[]? kinds) => (_stations, _kinds) = (stations, kinds);

    public static LiveFilter Everything { get; } = new(null, null);

    public static LiveFilter ForStation(string stationId) => new([stationId], null);

    /// <summary>The same stations, only events of these kinds (or kinds derived from them).</summary>
    public LiveFilter Of(params Type[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (!typeof(StationEvent).IsAssignableFrom(kind))
            {
                throw new ArgumentException($"{kind.Name} is not a {nameof(StationEvent)}.", nameof(kinds));
            }
        }

        return new(_stations, [.. kinds]);
    }

    public bool Matches(StationEvent stationEvent) =>
        (_stations is null || _stations.Contains(stationEvent.StationId))
        && (_kinds is null || Array.Exists(_kinds, k => k.IsInstanceOfType(stationEvent)));
}
