namespace ChargePortal.Web.Kernel;

/// <summary>
/// Union of the 1.6 ChargePointStatus and 2.0.1 ConnectorStatusEnumType values. In the kernel because the station
/// registry keeps it, the event stream carries it (ConnectorStatusChanged) and the driver, dashboard and roaming views
/// read it.
/// </summary>
public enum ConnectorStatus
{
    Unknown,
    Available,
    Preparing,
    Charging,
    SuspendedEv,
    SuspendedEvse,
    Finishing,
    Reserved,
    Occupied,
    Unavailable,
    Faulted,
}
