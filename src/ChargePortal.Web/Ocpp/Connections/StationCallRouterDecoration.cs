namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>
/// Wraps whichever <see cref="IStationCallRouter"/> the scale-out seam picked (single node or cluster), e.g. to measure
/// it. Register one as a singleton from any feature, in any order: the seam applies them all when it builds the router.
/// </summary>
public sealed record StationCallRouterDecoration(Func<IStationCallRouter, IServiceProvider, IStationCallRouter> Wrap);
